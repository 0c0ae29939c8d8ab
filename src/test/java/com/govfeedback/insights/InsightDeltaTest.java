package com.govfeedback.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.insights.FeedbackFacts.StoppedClock;
import com.govfeedback.insights.InsightCell.Kind;

class InsightDeltaTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final InsightCell HRSS = new InsightCell(Kind.COUNTS, DAY, "HRSS_BUREAU");
    private static final InsightCell HOUSING = new InsightCell(Kind.COUNTS, DAY, "HOUSING_FUND_CENTER");

    private static FeedbackFacts facts(long version, String department, String status) {
        return new FeedbackFacts("F1", version, DAY, department, "ORANGE", status, null, null, null, 0, null, null, false, "F1");
    }

    @Test
    void aNewFeedbackCountsOnceInItsDayDepartmentColourAndStatus() {
        InsightDelta delta = InsightDelta.between(null, facts(1, "HRSS_BUREAU", "SUBMITTED"));
        assertThat(delta.version()).isEqualTo(1);
        assertThat(delta.changes()).containsExactly(Map.entry(HRSS, Map.of("n.ORANGE.SUBMITTED", 1L)));
        assertThat(delta.leaving()).containsEntry(HRSS, false);
    }

    @Test
    void aStatusChangeMovesTheCountWithinTheItemThatAlreadyHoldsTheFeedback() {
        InsightDelta delta = InsightDelta.between(facts(1, "HRSS_BUREAU", "SUBMITTED"), facts(2, "HRSS_BUREAU", "ACCEPTED"));
        assertThat(delta.changes()).containsExactly(Map.entry(HRSS, Map.of("n.ORANGE.SUBMITTED", -1L, "n.ORANGE.ACCEPTED", 1L)));
        assertThat(delta.leaving()).containsEntry(HRSS, true);
    }

    @Test
    void aTransferMovesTheCountToTheOtherDepartmentsItem() {
        InsightDelta delta = InsightDelta.between(facts(3, "HRSS_BUREAU", "ACCEPTED"), facts(4, "HOUSING_FUND_CENTER", "ACCEPTED"));
        assertThat(delta.changes()).containsOnly(Map.entry(HRSS, Map.of("n.ORANGE.ACCEPTED", -1L)),
                Map.entry(HOUSING, Map.of("n.ORANGE.ACCEPTED", 1L)));
        assertThat(delta.leaving()).containsOnly(Map.entry(HRSS, true), Map.entry(HOUSING, false));
    }

    @Test
    void stoppedClocksAddTheirTimeCountAndLatenessAndARatingCountsOnItsOwnDay() {
        FeedbackFacts before = facts(4, "HRSS_BUREAU", "IN_PROGRESS");
        FeedbackFacts after = new FeedbackFacts("F1", 5, DAY, "HRSS_BUREAU", "ORANGE", "RESOLVED",
                new StoppedClock(Duration.ofMinutes(30), false), new StoppedClock(Duration.ofHours(30), true), DAY.plusDays(2), 4, null, null, false, "F1");
        InsightDelta delta = InsightDelta.between(before, after);
        assertThat(delta.changes().get(HRSS)).containsOnly(Map.entry("n.ORANGE.IN_PROGRESS", -1L), Map.entry("n.ORANGE.RESOLVED", 1L),
                Map.entry("ack.ORANGE.n", 1L), Map.entry("ack.ORANGE.ms", 1_800_000L), Map.entry("res.ORANGE.n", 1L),
                Map.entry("res.ORANGE.ms", 108_000_000L), Map.entry("res.ORANGE.late", 1L),
                // each stopped clock also counts once in its duration bucket: 30 minutes in le30, 30 hours in le2880
                Map.entry("ack.h.le30", 1L), Map.entry("res.h.le2880", 1L));
        assertThat(delta.changes().get(new InsightCell(Kind.RATINGS, DAY.plusDays(2), "HRSS_BUREAU"))).containsExactly(Map.entry("score.4", 1L));
    }

    @Test
    void aFeedbackCountsUnderItsScreenAndDomainOnItsDayAndItsRatingOnTheRatingDay() {
        FeedbackFacts sent = new FeedbackFacts("F1", 1, DAY, "HRSS_BUREAU", "ORANGE", "SUBMITTED", null, null, null, 0,
                "/social-security/card", "SOCIAL_SECURITY", true, "F1");
        InsightDelta received = InsightDelta.between(null, sent);
        assertThat(received.changes().get(new InsightCell(Kind.SCREEN, DAY, "/social-security/card")))
                .containsOnly(Map.entry(InsightDelta.FEEDBACK, 1L), Map.entry(InsightDelta.NEGATIVE, 1L));
        assertThat(received.changes().get(new InsightCell(Kind.DOMAIN, DAY, "SOCIAL_SECURITY")))
                .containsOnly(Map.entry(InsightDelta.FEEDBACK, 1L), Map.entry(InsightDelta.NEGATIVE, 1L));

        FeedbackFacts rated = new FeedbackFacts("F1", 6, DAY, "HRSS_BUREAU", "ORANGE", "RESOLVED", null, null, DAY.plusDays(3), 2,
                "/social-security/card", "SOCIAL_SECURITY", true, "F1");
        InsightDelta rating = InsightDelta.between(new FeedbackFacts("F1", 5, DAY, "HRSS_BUREAU", "ORANGE", "RESOLVED", null, null, null, 0,
                "/social-security/card", "SOCIAL_SECURITY", true, "F1"), rated);
        assertThat(rating.changes()).containsOnlyKeys(new InsightCell(Kind.RATINGS, DAY.plusDays(3), "HRSS_BUREAU"),
                new InsightCell(Kind.SCREEN, DAY.plusDays(3), "/social-security/card"), new InsightCell(Kind.DOMAIN, DAY.plusDays(3), "SOCIAL_SECURITY"));
        assertThat(rating.changes().get(new InsightCell(Kind.SCREEN, DAY.plusDays(3), "/social-security/card")))
                .containsExactly(Map.entry("score.2", 1L));
    }

    @Test
    void durationBucketsIncludeTheirUpperBoundAndEndInAnOverflowBucket() {
        assertThat(DurationBuckets.of(Duration.ZERO)).isEqualTo("le15");
        assertThat(DurationBuckets.of(Duration.ofMinutes(15))).isEqualTo("le15");
        assertThat(DurationBuckets.of(Duration.ofMinutes(15).plusMillis(1))).isEqualTo("le30");
        assertThat(DurationBuckets.of(Duration.ofDays(3))).isEqualTo("le4320");
        assertThat(DurationBuckets.of(Duration.ofDays(30))).isEqualTo("le43200");
        assertThat(DurationBuckets.of(Duration.ofDays(31))).isEqualTo("over43200");
    }

    @Test
    void aChangeTheFiguresDoNotSeeMovesNothing() {
        assertThat(InsightDelta.between(facts(5, "HRSS_BUREAU", "IN_PROGRESS"), facts(6, "HRSS_BUREAU", "IN_PROGRESS")).isEmpty()).isTrue();
    }

    @Test
    void theDeltasOfAHistoryAddUpToWhatItsLastImageContributes() {
        List<FeedbackFacts> history = List.of(facts(1, "HRSS_BUREAU", "SUBMITTED"), facts(2, "HRSS_BUREAU", "ACCEPTED"),
                facts(3, "HOUSING_FUND_CENTER", "ACCEPTED"),
                new FeedbackFacts("F1", 4, DAY, "HOUSING_FUND_CENTER", "RED", "RESOLVED", new StoppedClock(Duration.ofMinutes(5), false),
                        new StoppedClock(Duration.ofHours(1), false), DAY, 5, "/social-security/card", "SOCIAL_SECURITY", true, "F1"),
                new FeedbackFacts("F1", 5, DAY, "HOUSING_FUND_CENTER", "RED", "REOPENED", new StoppedClock(Duration.ofMinutes(5), false),
                        null, DAY, 5, "/social-security/card", "SOCIAL_SECURITY", true, "F1"));
        Map<InsightCell, Map<String, Long>> sum = new HashMap<>();
        FeedbackFacts previous = null;
        for (FeedbackFacts image : history) {
            InsightDelta.between(previous, image).changes().forEach((cell, counters) -> counters
                    .forEach((name, amount) -> sum.computeIfAbsent(cell, c -> new TreeMap<>()).merge(name, amount, Long::sum)));
            previous = image;
        }
        sum.values().forEach(counters -> counters.values().removeIf(v -> v == 0));
        sum.values().removeIf(Map::isEmpty);
        assertThat(sum).isEqualTo(InsightDelta.contribution(history.get(history.size() - 1)));
    }

    @Test
    void factsAreReadFromAStoredFeedbackInBeijingTime() {
        // 23:30 on 1 December in Beijing is still 1 December there, though 15:30 UTC
        Feedback feedback = SweepFixtures.open("RED", "OUTAGE", SweepFixtures.at("2026-12-01T23:30:00"), "01KB0000000000000000000001");
        FeedbackFacts facts = FeedbackFacts.of(feedback);
        assertThat(facts.receivedDay()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(facts.department()).isEqualTo(SweepFixtures.DEPARTMENT);
        assertThat(List.of(facts.colour(), facts.status())).containsExactly("RED", "SUBMITTED");
        assertThat(new ArrayList<>(java.util.Arrays.asList(facts.acknowledged(), facts.resolved(), facts.ratedDay()))).containsOnlyNulls();
    }

    @Test
    void aFeedbackThatJoinedAClusterCountsForThatClusterInItsDepartmentAndTheClustersFirstDoesNot() {
        FeedbackFacts first = facts(1, "HRSS_BUREAU", "SUBMITTED");
        assertThat(InsightDelta.between(null, first).changes().keySet()).extracting(InsightCell::kind).doesNotContain(Kind.CLUSTERS);

        FeedbackFacts joined = new FeedbackFacts("F2", 1, DAY, "HRSS_BUREAU", "ORANGE", "SUBMITTED", null, null, null, 0, null, null, false, "F1");
        InsightCell hrss = new InsightCell(Kind.CLUSTERS, DAY, "HRSS_BUREAU");
        assertThat(InsightDelta.between(null, joined).changes()).containsEntry(hrss, Map.of("c.F1", 1L));

        FeedbackFacts transferred = new FeedbackFacts("F2", 2, DAY, "HOUSING_FUND_CENTER", "ORANGE", "SUBMITTED", null, null, null, 0, null, null,
                false, "F1");
        assertThat(InsightDelta.between(joined, transferred).changes()).containsOnly(Map.entry(hrss, Map.of("c.F1", -1L)),
                Map.entry(new InsightCell(Kind.CLUSTERS, DAY, "HOUSING_FUND_CENTER"), Map.of("c.F1", 1L)),
                Map.entry(new InsightCell(Kind.COUNTS, DAY, "HRSS_BUREAU"), Map.of("n.ORANGE.SUBMITTED", -1L)),
                Map.entry(new InsightCell(Kind.COUNTS, DAY, "HOUSING_FUND_CENTER"), Map.of("n.ORANGE.SUBMITTED", 1L)));
    }
}
