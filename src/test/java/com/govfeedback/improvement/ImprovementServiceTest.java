package com.govfeedback.improvement;

import static com.govfeedback.improvement.FakeFeedbackSide.LEAD;
import static com.govfeedback.improvement.FakeFeedbackSide.OTHER;
import static com.govfeedback.improvement.FakeFeedbackSide.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.improvement.service.ImprovementRequests;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.service.ImprovementViews;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.TransitionRefusedException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.testing.MutableClock;

/** ImprovementService against dynalite: links, claims, access, the tracker with its notices, the pool, the wall, answers. */
class ImprovementServiceTest {
    private static final Caller OFFICE = new Caller("office-zhao", Role.OPTIMISATION_OFFICE, null);
    private static final Caller LEAD_SUPERVISOR = new Caller("sup-li", Role.SUPERVISOR, LEAD);
    private static final Caller LEAD_STAFF = new Caller("staff-wang", Role.STAFF, LEAD);
    private static final Caller OTHER_STAFF = new Caller("staff-chen", Role.STAFF, OTHER);
    private static final Caller OTHER_SUPERVISOR = new Caller("sup-zhou", Role.SUPERVISOR, OTHER);
    private static final Caller ALICE = new Caller("alice", Role.CITIZEN, null);
    private static final Caller BOB = new Caller("bob", Role.CITIZEN, null);

    private FakeFeedbackSide feedback;
    private ImprovementStore store;
    private MutableClock clock;
    private ImprovementService service;

    @BeforeEach
    void setUp() {
        feedback = new FakeFeedbackSide();
        store = FakeFeedbackSide.newStore();
        clock = new MutableClock(START);
        service = feedback.service(store, clock);
    }

    private ImprovementRequests.Create create(List<String> feedbackIds, String cluster, String lead) {
        return new ImprovementRequests.Create(Ids.newId(Instant.now()), "社保卡页面闪退", "打开电子社保卡后闪退", feedbackIds, cluster,
                List.of("/social-security/card"), List.of("5.9.2"), List.of("SOCIAL_SECURITY"), "BUG", lead, List.of(OTHER),
                "先查崩溃日志");
    }

    private ImprovementRequests.Move move(ImprovementViews.StaffView view, String to) {
        return new ImprovementRequests.Move(view.tracker().id(), to, "进展说明", null, null, null, null, null, view.version());
    }

    @Test
    void aClusterBecomesOneImprovementAndAFeedbackBelongsToOnlyOne() {
        String a1 = feedback.add("alice", "C1", "/social-security/card", "BUG", "5.9.2", "RED", true);
        String b1 = feedback.add("bob", "C1", "/social-security/card", "BUG", "5.9.2", "ORANGE", true);
        String a2 = feedback.add("alice", "C1", "/social-security/card", "BUG", "5.9.1", "ORANGE", false);
        String lone = feedback.add("carol", null, "/social-security/card", "BUG", "5.9.2", "YELLOW", false);

        ImprovementViews.StaffView created = service.create(OFFICE, create(List.of(lone), "C1", LEAD));
        assertThat(created.stats().linked()).isEqualTo(4);
        assertThat(created.stats().colours()).containsEntry("ORANGE", 2L).containsEntry("RED", 1L);
        assertThat(created.priority().inputs()).containsEntry("linkedFeedback", 4L).containsEntry("negativeSentiment", 2L);
        assertThat(created.tracker().status()).isEqualTo("PENDING_REVIEW");
        assertThat(created.allowedMoves()).containsExactly("ACCEPTED", "DECLINED", "LONG_TERM", "DUPLICATE_OF");
        assertThat(created.tracker().problem()).isEqualTo("打开电子社保卡后闪退");
        assertThat(created.internalNote()).isEqualTo("先查崩溃日志");

        assertThatThrownBy(() -> service.create(LEAD_STAFF, create(List.of(b1), null, LEAD)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(created.tracker().id());
        assertThatThrownBy(() -> service.create(OFFICE, create(List.of(), "C1", LEAD)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cluster C1").hasMessageContaining(created.tracker().id());
        assertThat(service.pool(OFFICE, new ImprovementRequests.ListPool(null, null, 10, null)).items()).hasSize(1);
        ImprovementViews.StaffView other = service.create(LEAD_STAFF, create(List.of(feedback.add("dave", null, "/x", "BUG", "5.9.2", "BLUE", false)),
                null, LEAD));
        assertThatThrownBy(() -> service.linkFeedback(LEAD_STAFF, new ImprovementRequests.Link(other.tracker().id(), List.of(a2), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(created.tracker().id());

        ImprovementViews.StaffView again = service.linkFeedback(LEAD_STAFF, new ImprovementRequests.Link(created.tracker().id(), List.of(a1, lone), null));
        assertThat(again.version()).isEqualTo(created.version());
        assertThat(again.stats().linked()).isEqualTo(4);

        String late = feedback.add("erin", "C1", "/social-security/card", "BUG", "5.9.2", "RED", true);
        assertThat(service.newFeedback(late)).isEqualTo(ImprovementService.NewFeedbackOutcome.JOINED);
        assertThat(service.trackerOf(late)).get().extracting(ImprovementViews.PublicView::linkedFeedback).isEqualTo(5L);

        feedback.rate(a1, 1);
        service.feedbackChanged(a1);
        ImprovementViews.StaffView rated = (ImprovementViews.StaffView) service.get(OFFICE, created.tracker().id());
        assertThat(rated.stats().badRatings()).isEqualTo(1);
        assertThat(rated.priority().components().get("badRatings")).isEqualTo(1.0);
    }

    @Test
    void aRetriedCreateAnswersTheFirstImprovementAndAMissingRequestIdIsRefused() {
        String f = feedback.add("alice", "C7", "/social-security/card", "BUG", "5.9.2", "RED", true);
        ImprovementRequests.Create request = create(List.of(f), "C7", LEAD);
        ImprovementViews.StaffView first = service.create(OFFICE, request);
        ImprovementViews.StaffView retried = service.create(OFFICE, request);
        assertThat(retried.tracker().id()).isEqualTo(first.tracker().id());
        assertThat(retried.stats().linked()).isEqualTo(1);
        assertThat(service.pool(OFFICE, new ImprovementRequests.ListPool(null, null, 10, null)).items()).hasSize(1);

        ImprovementRequests.Create noKey = new ImprovementRequests.Create(null, "标题", null, List.of(feedback.add("bob", null, "/x", "BUG", "5.9.2",
                "BLUE", false)), null, null, null, null, null, LEAD, null, null);
        assertThatThrownBy(() -> service.create(OFFICE, noKey))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("clientRequestId"));
    }

    @Test
    void onlyTheOfficeAndTheLeadDepartmentManageAndCitizensSeeThePublicViewOnly() {
        String f = feedback.add("alice", null, "/social-security/card", "BUG", "5.9.2", "RED", true);
        assertThatThrownBy(() -> service.create(ALICE, create(List.of(f), null, LEAD))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.create(OTHER_STAFF, create(List.of(f), null, LEAD))).isInstanceOf(ForbiddenException.class);
        ImprovementViews.StaffView created = service.create(LEAD_STAFF, create(List.of(f), null, LEAD));
        String id = created.tracker().id();

        assertThatThrownBy(() -> service.move(LEAD_STAFF, move(created, "ACCEPTED"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.move(OTHER_SUPERVISOR, move(created, "ACCEPTED"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.grade(LEAD_STAFF, new ImprovementRequests.Grade(id, 5, "S", created.version())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.update(OTHER_STAFF, new ImprovementRequests.Update(id, "改标题", null, null, null, null, null, null, null,
                null, created.version()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.pool(OTHER_STAFF, new ImprovementRequests.ListPool(null, LEAD, 10, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(service.pool(OTHER_STAFF, new ImprovementRequests.ListPool(null, null, 10, null)).items()).isEmpty();
        assertThat(service.pool(LEAD_STAFF, new ImprovementRequests.ListPool(null, null, 10, null)).items())
                .extracting(v -> v.tracker().id()).containsExactly(id);
        assertThatThrownBy(() -> service.move(ALICE, new ImprovementRequests.Move(null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.support(LEAD_STAFF, id)).isInstanceOf(ForbiddenException.class);

        ImprovementViews.StaffView updated = service.update(LEAD_STAFF, new ImprovementRequests.Update(id, "社保卡闪退（安卓）", null, null, null, null,
                null, null, "2026-12-31", null, created.version()));
        assertThat(service.move(LEAD_SUPERVISOR, move(updated, "ACCEPTED")).tracker().statusLabel()).isEqualTo("已采纳");

        assertThat(service.get(ALICE, id)).isInstanceOf(ImprovementViews.PublicView.class);
        assertThat(service.get(OTHER_STAFF, id)).isInstanceOf(ImprovementViews.StaffView.class); // a co-operating department
        ImprovementViews.PublicView seen = (ImprovementViews.PublicView) service.get(new Caller("x", Role.STAFF, "TAX_BUREAU"), id);
        assertThat(seen.owner()).isEqualTo(LEAD + " 改进负责人");
        assertThat(seen.toString()).doesNotContain("staff-wang", "alice", "先查崩溃日志");
    }

    @Test
    void theTrackerRefusesStaleVersionsBadMovesAndAReleaseWithoutAVersion() {
        ImprovementViews.StaffView created = service.create(OFFICE, create(List.of(feedback.add("alice", null, "/s", "BUG", "5.9.2", "RED", true)),
                null, LEAD));
        assertThatThrownBy(() -> service.move(OFFICE, new ImprovementRequests.Move(created.tracker().id(), "ACCEPTED", null, "5.12.0", null, null,
                null, null, created.version() - 1))).isInstanceOf(ConflictException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> service.move(OFFICE, move(created, "IN_TESTING")))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.allowed()).contains("ACCEPTED", "DECLINED"));

        ImprovementViews.StaffView testing = service.move(OFFICE, move(service.move(OFFICE, move(service.move(OFFICE,
                move(created, "ACCEPTED")), "IN_DEVELOPMENT")), "IN_TESTING"));
        assertThatThrownBy(() -> service.move(OFFICE, move(testing, "RELEASED")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors().get(0).field()).isEqualTo("release.appVersion");
                });
        assertThatThrownBy(() -> service.move(OFFICE, new ImprovementRequests.Move(testing.tracker().id(), "RELEASED", null, null, null, null, null,
                new ImprovementRequests.ReleaseDetails("5.10.0", null, null, null, null, List.of("http://insecure.example/a.png")), testing.version())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("release.mediaUrls"));
        assertThatThrownBy(() -> service.update(OFFICE, new ImprovementRequests.Update(testing.tracker().id(), null, null, List.of("no-slash"), null,
                null, null, null, null, null, testing.version())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("screenPaths"));
        assertThatThrownBy(() -> service.move(OFFICE, new ImprovementRequests.Move(testing.tracker().id(), "DECLINED", null, null, null, null, null,
                null, testing.version()))).isInstanceOf(TransitionRefusedException.class);
        assertThatThrownBy(() -> service.move(OFFICE, new ImprovementRequests.Move(created.tracker().id(), "NOPE", null, null, null, null, null,
                null, testing.version()))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }

    @Test
    void supportCountsOncePerCitizenAndRaisesThePriority() {
        ImprovementViews.StaffView created = service.create(OFFICE, create(List.of(feedback.add("alice", null, "/s", "BUG", "5.9.2", "BLUE", false)),
                null, LEAD));
        String id = created.tracker().id();
        assertThat(service.support(BOB, id).supporters()).isEqualTo(1);
        assertThat(service.support(BOB, id).supporters()).isEqualTo(1);
        assertThat(service.support(ALICE, id).supporters()).isEqualTo(2);
        ImprovementViews.StaffView after = (ImprovementViews.StaffView) service.get(OFFICE, id);
        assertThat(after.priority().inputs()).containsEntry("supporters", 2L);
        assertThat(after.priority().score()).isGreaterThan(created.priority().score());
    }

    @Test
    void everyStatusChangeReachesEveryLinkedCitizenOnceAndTheReleaseResolvesTheirCases() {
        List<String> ids = new ArrayList<>();
        for (String citizen : List.of("alice", "bob", "alice", "carol")) {
            ids.add(feedback.add(citizen, "C9", "/social-security/card", "BUG", "5.9.2", "ORANGE", true));
        }
        ImprovementViews.StaffView view = service.create(OFFICE, create(List.of(), "C9", LEAD));
        String id = view.tracker().id();
        view = service.grade(OFFICE, new ImprovementRequests.Grade(id, 4, "M", view.version()));
        for (String to : List.of("ACCEPTED", "IN_DEVELOPMENT", "IN_TESTING")) {
            clock.advance(Duration.ofDays(3));
            view = service.move(LEAD_SUPERVISOR, move(view, to));
            String noticeId = id + ":" + to + ":" + view.tracker().history().size();
            assertThat(store.noticeRecipients(noticeId)).containsExactlyInAnyOrder("alice", "bob", "carol");
            assertThat(view.pendingFanOuts()).isZero();
        }
        clock.advance(Duration.ofDays(3));
        view = service.move(OFFICE, new ImprovementRequests.Move(id, "RELEASED", "已上线", null, null, null, null,
                new ImprovementRequests.ReleaseDetails("5.10.0", "2026-03-14", "修复了闪退", "打开即闪退", "正常打开", List.of("https://cdn.example/after.png")),
                view.version()));
        assertThat(store.noticeRecipients(id + ":RELEASED:5")).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(feedback.actions).containsExactlyInAnyOrderElementsOf(ids.stream().map(f -> "resolve " + f + " " + id).toList());
        assertThat(view.tracker().history()).extracting(ImprovementViews.Step::label)
                .containsExactly("待审核", "已采纳", "开发中", "测试中", "已上线");

        ImprovementService.PublicPage wall = service.resultsWall(10, null);
        assertThat(wall.items()).singleElement().satisfies(item -> {
            assertThat(item.release().appVersion()).isEqualTo("5.10.0");
            assertThat(item.release().stepsBefore()).isEqualTo("打开即闪退");
            assertThat(item.linkedFeedback()).isEqualTo(4);
            assertThat(item.citizens()).isEqualTo(3);
            assertThat(item.namedContributors()).containsExactly("爱丽丝");
            assertThat(item.anonymousContributors()).isEqualTo(2);
        });
        assertThat(service.roadmap("IN_DEVELOPMENT", 10, null).items()).isEmpty();
        assertThat(service.pool(OFFICE, new ImprovementRequests.ListPool(null, null, 10, null)).items()).isEmpty();

        ImprovementService.LeadTimeSummary leadTimes = service.leadTimes(OFFICE);
        assertThat(leadTimes.improvements()).singleElement().satisfies(t -> assertThat(t.days()).isEqualTo(21.6));
        assertThat(leadTimes.quarters()).containsExactly(new LeadTimes.Quarter("2026-Q1", 1, 21.6));
        assertThatThrownBy(() -> service.leadTimes(ALICE)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void thePoolListsByPriorityByStatusAndByDepartmentPageByPage() {
        List<String> byScore = new ArrayList<>();
        for (int grade = 1; grade <= 5; grade++) {
            String lead = grade % 2 == 0 ? OTHER : LEAD;
            ImprovementViews.StaffView v = service.create(OFFICE, create(List.of(feedback.add("c" + grade, null, "/s", "BUG", "5.9.2", "RED", true)),
                    null, lead));
            v = service.grade(OFFICE, new ImprovementRequests.Grade(v.tracker().id(), grade, "S", v.version()));
            byScore.add(0, v.tracker().id());
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            ImprovementService.StaffPage page = service.pool(OFFICE, new ImprovementRequests.ListPool(null, null, 2, cursor));
            page.items().forEach(i -> listed.add(i.tracker().id()));
            cursor = page.cursor();
        } while (cursor != null);
        assertThat(listed).containsExactlyElementsOf(byScore);

        ImprovementService.StaffPage mine = service.pool(LEAD_STAFF, new ImprovementRequests.ListPool(null, LEAD, 10, null));
        assertThat(mine.items()).extracting(ImprovementViews.StaffView::leadDepartment).containsOnly(LEAD).hasSize(3);
        assertThatThrownBy(() -> service.pool(LEAD_STAFF, new ImprovementRequests.ListPool(null, OTHER, 10, null)))
                .isInstanceOf(ForbiddenException.class);

        ImprovementViews.StaffView top = (ImprovementViews.StaffView) service.get(OFFICE, byScore.get(0));
        service.move(OFFICE, move(top, "ACCEPTED"));
        assertThat(service.pool(OFFICE, new ImprovementRequests.ListPool("ACCEPTED", null, 10, null)).items())
                .extracting(i -> i.tracker().id()).containsExactly(byScore.get(0));
        assertThat(service.roadmap("PENDING_REVIEW", 10, null).items()).hasSize(4);
    }

    @Test
    void aNewReportOfAReleasedFixIsAnsweredBelowTheVersionAndFlaggedAtOrAboveIt() {
        ImprovementViews.StaffView released = release(service.create(OFFICE, create(
                List.of(feedback.add("alice", null, "/social-security/card", "BUG", "5.9.2", "RED", true)), null, LEAD)), "5.10.0");
        String id = released.tracker().id();

        String old = feedback.add("bob", null, "/social-security/card", "BUG", "5.9.2", "RED", true);
        assertThat(service.newFeedback(old)).isEqualTo(ImprovementService.NewFeedbackOutcome.ANSWERED_FIXED);
        assertThat(feedback.actions).contains("reply " + old + " " + id + " 该问题已在 5.10.0 版本修复，请升级后再试");
        assertThat(service.trackerOf(old)).get().extracting(ImprovementViews.PublicView::id).isEqualTo(id);

        String same = feedback.add("carol", null, "/social-security/card", "BUG", "5.10.0", "RED", true);
        String newer = feedback.add("dave", null, "/social-security/card", "BUG", "5.11.0-beta", "RED", true);
        assertThat(service.newFeedback(same)).isEqualTo(ImprovementService.NewFeedbackOutcome.POSSIBLE_REGRESSION);
        assertThat(service.newFeedback(newer)).isEqualTo(ImprovementService.NewFeedbackOutcome.POSSIBLE_REGRESSION);
        assertThat(feedback.actions).contains("regression " + same + " " + id, "regression " + newer + " " + id);
        assertThat(service.trackerOf(same)).isEmpty();

        String otherScreen = feedback.add("erin", null, "/housing-fund", "BUG", "5.9.2", "RED", true);
        assertThat(service.newFeedback(otherScreen)).isEqualTo(ImprovementService.NewFeedbackOutcome.NONE);
    }

    @Test
    void theScheduledMeasurementStoresTheSatisfactionChangeOnTheWall() {
        ImprovementViews.StaffView released = release(service.create(OFFICE, create(
                List.of(feedback.add("alice", null, "/social-security/card", "BUG", "5.9.2", "RED", true)), null, LEAD)), "5.10.0");
        java.time.Instant releasedAt = java.time.LocalDate.parse("2026-03-02").atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        List<FakeFeedbackSide.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            observations.add(new FakeFeedbackSide.Observation(releasedAt.minus(Duration.ofDays(2)), 2, true));
            observations.add(new FakeFeedbackSide.Observation(releasedAt.plus(Duration.ofDays(2)), 5, false));
        }
        List<Set<String>> asked = new ArrayList<>();
        RatingSource ratings = FakeFeedbackSide.ratings(observations, asked);
        clock.advance(Duration.ofDays(40));
        assertThat(service.measureSatisfaction(ratings)).isEqualTo(1);
        assertThat(asked).containsOnly(Set.of("/social-security/card"));
        SatisfactionChange.Result shown = service.resultsWall(10, null).items().get(0).satisfaction();
        assertThat(shown.before().averageScore()).isEqualTo(2.0);
        assertThat(shown.after().averageScore()).isEqualTo(5.0);
        assertThat(shown.enoughSamples()).isFalse();
        assertThat(shown.note()).contains("样本不足");
        assertThat(shown.complete()).isTrue();
        assertThat(service.measureSatisfaction(ratings)).as("a complete measurement is not repeated").isZero();
        assertThat(released.tracker().id()).isNotNull();
    }

    @Test
    void aDuplicateHandsItsLinksAndSupportersToTheOriginal() {
        ImprovementViews.StaffView original = service.create(OFFICE, create(List.of(feedback.add("alice", null, "/s", "BUG", "5.9.2", "RED", true)),
                null, LEAD));
        String dupFeedback = feedback.add("bob", "C5", "/s", "BUG", "5.9.2", "RED", true);
        ImprovementViews.StaffView duplicate = service.create(OFFICE, create(List.of(), "C5", LEAD));
        service.support(new Caller("carol", Role.CITIZEN, null), duplicate.tracker().id());
        duplicate = (ImprovementViews.StaffView) service.get(OFFICE, duplicate.tracker().id());
        service.move(OFFICE, new ImprovementRequests.Move(duplicate.tracker().id(), "DUPLICATE_OF", null, null, null, null,
                original.tracker().id(), null, duplicate.version()));

        ImprovementViews.StaffView merged = (ImprovementViews.StaffView) service.get(OFFICE, original.tracker().id());
        assertThat(merged.stats().linked()).isEqualTo(2);
        assertThat(merged.tracker().supporters()).isEqualTo(1);
        assertThat(merged.clusterIds()).contains("C5");
        assertThat(service.trackerOf(dupFeedback)).get().extracting(ImprovementViews.PublicView::id).isEqualTo(original.tracker().id());
        String lateInCluster = feedback.add("dave", "C5", "/s", "BUG", "5.9.2", "RED", true);
        assertThat(service.newFeedback(lateInCluster)).isEqualTo(ImprovementService.NewFeedbackOutcome.JOINED);
        assertThat(service.trackerOf(lateInCluster)).get().extracting(ImprovementViews.PublicView::id).isEqualTo(original.tracker().id());
    }

    @Test
    void aLongTermImprovementTellsItsCitizensOnceEveryLaterQuarter() {
        feedback.add("alice", "C7", "/s", "BUG", "5.9.2", "RED", true);
        feedback.add("bob", "C7", "/s", "BUG", "5.9.2", "RED", true);
        ImprovementViews.StaffView created = service.create(OFFICE, create(List.of(), "C7", LEAD));
        String id = created.tracker().id();
        service.move(OFFICE, move(created, "LONG_TERM"));
        assertThat(store.noticeRecipients(id + ":LONG_TERM:2")).containsExactlyInAnyOrder("alice", "bob");

        assertThat(service.sweep(10).progressNoticesStarted()).as("not in the quarter it was deferred").isZero();
        clock.advance(Duration.ofDays(31)); // 2026-04-02: Q2
        ImprovementService.SweepResult q2 = service.sweep(10);
        assertThat(q2.progressNoticesStarted()).isEqualTo(1);
        assertThat(q2.fanOut().written()).isEqualTo(2);
        assertThat(store.noticeRecipients(id + ":PROGRESS:2026-Q2")).containsExactlyInAnyOrder("alice", "bob");
        clock.advance(Duration.ofDays(30));
        assertThat(service.sweep(10).progressNoticesStarted()).as("once per quarter").isZero();
        clock.advance(Duration.ofDays(70)); // 2026-07-11: Q3
        assertThat(service.sweep(10).progressNoticesStarted()).isEqualTo(1);
        assertThat(store.noticeRecipients(id + ":PROGRESS:2026-Q3")).containsExactlyInAnyOrder("alice", "bob");
    }

    private ImprovementViews.StaffView release(ImprovementViews.StaffView view, String version) {
        view = service.move(OFFICE, move(view, "ACCEPTED"));
        view = service.move(OFFICE, move(view, "IN_DEVELOPMENT"));
        view = service.move(OFFICE, move(view, "IN_TESTING"));
        return service.move(OFFICE, new ImprovementRequests.Move(view.tracker().id(), "RELEASED", null, null, null, null, null,
                new ImprovementRequests.ReleaseDetails(version, "2026-03-02", "修复", null, null, null), view.version()));
    }
}
