package com.govfeedback.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.govfeedback.improvement.ports.FeedbackFacts;
import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.shared.TransitionRefusedException;
import com.govfeedback.shared.ValidationException;

/** The improvement loop's pure rules: version order, tracker moves, priority, release-aware answers, satisfaction, lead time. */
class ImprovementRulesTest {
    private static final Tracker TRACKER = Tracker.loadDefault();
    private static final PriorityPolicy PRIORITY = PriorityPolicy.loadDefault();
    private static final Instant RELEASE = Instant.parse("2026-06-01T00:00:00Z");

    private static AppVersion v(String text) {
        return AppVersion.parse(text, "appVersion");
    }

    @Test
    void versionsCompareNumericallyAndPreReleasesComeFirst() {
        assertThat(v("5.10.0")).isGreaterThan(v("5.9.2"));
        assertThat(v("5.9.2")).isGreaterThan(v("5.9.1"));
        assertThat(v("5.9")).isEqualByComparingTo(v("5.9.0"));
        assertThat(v("5.11.0-beta")).isLessThan(v("5.11.0"));
        assertThat(v("5.11.0-beta")).isGreaterThan(v("5.10.9"));
        assertThat(v("5.11.0-beta.2")).isGreaterThan(v("5.11.0-beta.1"));
        assertThat(v("5.11.0-alpha")).isLessThan(v("5.11.0-beta"));
        assertThat(v("5.11.0-rc.10")).isGreaterThan(v("5.11.0-rc.9"));
        assertThat(v("v5.2.0")).isEqualByComparingTo(v("5.2.0"));
        assertThatThrownBy(() -> AppVersion.parse("five", "release.appVersion"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("release.appVersion"));
    }

    @Test
    void theTrackerAllowsItsPathAndRefusesOtherMovesNamingTheAllowedOnes() {
        TRACKER.requireAllowed(ImprovementStatus.PENDING_REVIEW, ImprovementStatus.ACCEPTED);
        TRACKER.requireAllowed(ImprovementStatus.ACCEPTED, ImprovementStatus.IN_DEVELOPMENT);
        TRACKER.requireAllowed(ImprovementStatus.IN_DEVELOPMENT, ImprovementStatus.IN_TESTING);
        TRACKER.requireAllowed(ImprovementStatus.IN_TESTING, ImprovementStatus.RELEASED);
        assertThatThrownBy(() -> TRACKER.requireAllowed(ImprovementStatus.PENDING_REVIEW, ImprovementStatus.RELEASED))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.allowed()).containsExactlyInAnyOrder("ACCEPTED", "DECLINED", "LONG_TERM", "DUPLICATE_OF");
                    assertThat(e.getMessage()).contains("待审核", "已上线");
                });
        assertThatThrownBy(() -> TRACKER.requireAllowed(ImprovementStatus.RELEASED, ImprovementStatus.IN_DEVELOPMENT))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.allowed()).isEmpty());
        assertThat(TRACKER.label(ImprovementStatus.IN_TESTING)).isEqualTo("测试中");
    }

    @Test
    void priorityMultipliesImpactByUrgencyAndShowsItsComponents() {
        LinkStats none = LinkStats.NONE;
        PriorityScore empty = PRIORITY.score(none, 0, 5, "S");
        assertThat(empty.score()).isZero();
        assertThat(empty.level()).isEqualTo("P4");

        LinkStats loud = new LinkStats(50, 200, Map.of("RED", 40L, "ORANGE", 10L), 50, 20, 20, 50, List.of());
        PriorityScore top = PRIORITY.score(loud, 500, 5, "S");
        assertThat(top.impact()).isEqualTo(0.991); // every signal saturated but colour: 0.85 + 0.15 × 0.94
        assertThat(top.score()).isEqualTo(99.1);
        assertThat(top.level()).isEqualTo("P0");
        assertThat(top.components()).containsKeys(PriorityPolicy.SIGNALS.toArray(String[]::new));
        assertThat(top.components().get("badRatings")).isEqualTo(1.0);
        assertThat(top.inputs()).containsEntry("supporters", 500L).containsEntry("colour.RED", 40L);

        PriorityScore lowUrgency = PRIORITY.score(loud, 500, 1, "S");
        assertThat(lowUrgency.score()).isEqualTo(19.82);
        assertThat(lowUrgency.level()).isEqualTo("P3");
        PriorityScore bigEffort = PRIORITY.score(loud, 500, 5, "XL");
        assertThat(bigEffort.score()).isLessThan(top.score());
        assertThat(PRIORITY.score(loud, 500, null, null).urgency()).isEqualTo(0.6);

        PriorityScore moreSupport = PRIORITY.score(new LinkStats(3, 0, Map.of("BLUE", 3L), 0, 0, 0, 3, List.of()), 40, 3, "M");
        PriorityScore lessSupport = PRIORITY.score(new LinkStats(3, 0, Map.of("BLUE", 3L), 0, 0, 0, 3, List.of()), 1, 3, "M");
        assertThat(moreSupport.score()).isGreaterThan(lessSupport.score());
        assertThatThrownBy(() -> PriorityPolicy.requireGrade(6)).isInstanceOf(ValidationException.class).hasMessageContaining("urgency");
        assertThatThrownBy(() -> PRIORITY.requireEffort("HUGE")).isInstanceOf(ValidationException.class).hasMessageContaining("effort");
    }

    @Test
    void aFeedbackBelowTheFixedVersionIsAnsweredAndOneAtOrAboveIsAPossibleRegression() {
        ReleaseAwareAnswers answers = new ReleaseAwareAnswers(TRACKER);
        Improvement fixed = released("01J0000000000000000000FIX1", "5.10.0", List.of("cluster-1"), List.of("/social-security/card"), "BUG");

        var below = answers.decide(fact("5.9.2", "cluster-1", "/elsewhere", "BUG"), List.of(fixed)).orElseThrow();
        assertThat(below.kind()).isEqualTo(ReleaseAwareAnswers.Kind.FIXED_IN_LATER_VERSION);
        assertThat(below.text()).isEqualTo("该问题已在 5.10.0 版本修复，请升级后再试");
        var beta = answers.decide(fact("5.10.0-beta", null, "/social-security/card", "BUG"), List.of(fixed)).orElseThrow();
        assertThat(beta.kind()).isEqualTo(ReleaseAwareAnswers.Kind.FIXED_IN_LATER_VERSION);

        var equal = answers.decide(fact("5.10.0", "cluster-1", null, "BUG"), List.of(fixed)).orElseThrow();
        assertThat(equal.kind()).isEqualTo(ReleaseAwareAnswers.Kind.POSSIBLE_REGRESSION);
        assertThat(equal.text()).contains("疑似回归", "5.10.0");
        var above = answers.decide(fact("5.11.1", null, "/social-security/card", "BUG"), List.of(fixed)).orElseThrow();
        assertThat(above.kind()).isEqualTo(ReleaseAwareAnswers.Kind.POSSIBLE_REGRESSION);

        assertThat(answers.decide(fact("5.9.0", null, "/social-security/card", "CONSULTATION"), List.of(fixed))).isEmpty();
        assertThat(answers.decide(fact(null, "cluster-1", null, "BUG"), List.of(fixed))).isEmpty();
    }

    @Test
    void satisfactionChangeComparesEqualWindowsAndSaysWhenSamplesAreTooFew() {
        SatisfactionChange change = SatisfactionChange.loadDefault();
        List<FakeFeedbackSide.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            observations.add(new FakeFeedbackSide.Observation(RELEASE.minus(Duration.ofDays(1 + i % 20)), i % 2 == 0 ? 2 : 3, i % 2 == 0));
            observations.add(new FakeFeedbackSide.Observation(RELEASE.plus(Duration.ofDays(1 + i % 20)), i % 4 == 0 ? 3 : 5, i % 4 == 0));
        }
        observations.add(new FakeFeedbackSide.Observation(RELEASE.minus(Duration.ofDays(3)), null, true));
        RatingSource source = FakeFeedbackSide.ratings(observations, new ArrayList<>());

        var result = change.measure(source, Set.of("/social-security/card"), Set.of(), RELEASE, RELEASE.plus(Duration.ofDays(31)), TRACKER);
        assertThat(result.before().rated()).isEqualTo(40);
        assertThat(result.before().observations()).isEqualTo(41);
        assertThat(result.before().averageScore()).isEqualTo(2.5);
        assertThat(result.after().averageScore()).isEqualTo(4.5);
        assertThat(result.averageChange()).isEqualTo(2.0);
        assertThat(result.before().negativeRate()).isEqualTo(0.512);
        assertThat(result.after().negativeRate()).isEqualTo(0.25);
        assertThat(result.negativeRateChange()).isEqualTo(-0.262);
        assertThat(result.enoughSamples()).isTrue();
        assertThat(result.complete()).isTrue();
        assertThat(result.note()).isNull();

        var early = change.measure(source, Set.of("/social-security/card"), Set.of(), RELEASE, RELEASE.plus(Duration.ofDays(5)), TRACKER);
        assertThat(early.after().rated()).isEqualTo(8);
        assertThat(early.enoughSamples()).isFalse();
        assertThat(early.complete()).isFalse();
        assertThat(early.averageChange()).isNull();
        assertThat(early.note()).contains("样本不足", "8", "30");
    }

    @Test
    void leadTimeIsRequestToReleaseDaysWithTheMedianPerQuarter() {
        List<LeadTimes.LeadTime> times = List.of(
                new LeadTimes.LeadTime("a", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-15T00:00:00Z"), 45),
                new LeadTimes.LeadTime("b", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"), 20),
                new LeadTimes.LeadTime("c", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-20T00:00:00Z"), 30),
                new LeadTimes.LeadTime("d", Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-19T00:00:00Z"), 18),
                new LeadTimes.LeadTime("e", Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-30T17:00:00Z"), 12));
        assertThat(LeadTimes.medianPerQuarter(times)).containsExactly(
                new LeadTimes.Quarter("2026-Q1", 3, 30), new LeadTimes.Quarter("2026-Q3", 1, 18), new LeadTimes.Quarter("2026-Q4", 1, 12));

        Improvement i = released("01J0000000000000000000FIX1", "5.10.0", List.of(), List.of(), "BUG");
        assertThat(LeadTimes.of(i).days()).isEqualTo(45.5);
    }

    static Improvement released(String id, String version, List<String> clusters, List<String> screens, String type) {
        Instant releasedAt = RELEASE;
        return new Improvement(id, "社保卡页面闪退", null, screens, List.of(), List.of(), type, "HRSS_BUREAU", List.of(), clusters,
                ImprovementStatus.RELEASED, null, null, null, null,
                new Improvement.Release(version, LocalDate.of(2026, 6, 1), releasedAt, "修复闪退", null, null, List.of()), 3, "M", LinkStats.NONE, 0,
                PRIORITY.score(LinkStats.NONE, 0, 3, "M"), List.of(), null, "staff-1", RELEASE.minus(Duration.ofDays(40)),
                RELEASE.minus(Duration.ofHours(45 * 24 + 12)), null, Map.of(), null, 5);
    }

    private static FeedbackFacts.Fact fact(String appVersion, String cluster, String screen, String type) {
        return new FeedbackFacts.Fact("01J00000000000000000000FB1", "citizen-1", cluster, 1, "ORANGE", "SOCIAL_SECURITY", screen, type,
                appVersion, true, null, true, RELEASE.plus(Duration.ofDays(2)), "HRSS_BUREAU", null);
    }
}
