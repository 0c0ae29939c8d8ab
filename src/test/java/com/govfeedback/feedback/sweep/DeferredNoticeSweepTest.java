package com.govfeedback.feedback.sweep;

import static com.govfeedback.feedback.sweep.SweepFixtures.at;
import static com.govfeedback.feedback.sweep.SweepFixtures.outboxKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.lifecycle.CaseRequests;
import com.govfeedback.feedback.lifecycle.CaseService;
import com.govfeedback.feedback.lifecycle.CaseTexts;
import com.govfeedback.feedback.lifecycle.LifecyclePolicy;
import com.govfeedback.feedback.lifecycle.RequestRules;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.notify.Templates;
import com.govfeedback.triage.similar.SimilaritySignature;
import com.govfeedback.triage.text.TextNormalizer;

/**
 * The quarterly progress notice for DEFERRED feedback, against dynalite: an ORANGE 功能异常 submitted Mon 2026-03-02
 * 10:00 Shanghai, accepted at 10:30 and deferred (纳入长期规划, 2027Q1) at 11:00 by the case service, so its clocks owe
 * nothing more and only the notices every 3 months (sla/policy.json) keep it in the due index.
 */
class DeferredNoticeSweepTest {
    private static final Instant SUBMITTED = at("2026-03-02T10:00");
    private static final Instant DEFERRED_AT = at("2026-03-02T11:00");
    private static final String CITIZEN = "CITIZEN-citizen-1";
    private static final BooleanSupplier ALWAYS = () -> true;
    private static final Caller SUPERVISOR = new Caller("supervisor-1", Role.SUPERVISOR, SweepFixtures.DEPARTMENT);

    private SweepFixtures store;

    @BeforeEach
    void freshTable() {
        store = SweepFixtures.freshTable();
    }

    @Test
    void theCitizenHearsEveryQuarterUntilTheFeedbackLeavesDeferred() {
        Feedback feedback = deferred(store.submitted(SUBMITTED));
        assertThat(feedback.nextTimerAt()).as("deferred: due only for its first notice").isEqualTo(at("2026-06-02T11:00"));

        assertThat(store.sweep().run(at("2026-06-02T10:59"), ALWAYS, false).examined()).isZero();
        SweepReport first = store.sweep().run(at("2026-06-02T11:00"), ALWAYS, false);
        store.deliverAll(feedback.id(), at("2026-06-02T11:01"));
        SweepReport again = store.sweep().run(at("2026-06-02T11:10"), ALWAYS, false);
        Feedback afterFirst = store.stored(feedback.id());
        SweepReport second = store.sweep().run(at("2026-09-02T11:00"), ALWAYS, false);
        Feedback afterSecond = store.stored(feedback.id());

        assertThat(first.deferredNotices()).isEqualTo(1);
        assertThat(again.examined()).isZero();
        assertThat(afterFirst.nextTimerAt()).isEqualTo(at("2026-09-02T11:00"));
        assertThat(second.deferredNotices()).isEqualTo(1);
        assertThat(noticeKeys(afterSecond)).containsExactly("DEFERRED:1#0:" + CITIZEN, "DEFERRED:2#0:" + CITIZEN);
        Notification notice = afterSecond.outbox().get(afterSecond.outbox().size() - 1);
        assertThat(notice.event()).isEqualTo(NotificationEvent.DEFERRED_PROGRESS);
        assertThat(notice.recipient()).isEqualTo(new Recipient(Recipient.Kind.CITIZEN, "citizen-1"));
        assertThat(notice.params()).containsEntry("targetQuarter", "2027Q1").containsEntry("notice", "2")
                .containsEntry("trackingNo", feedback.trackingNo()).containsEntry("at", "2026-09-02 11:00");
        assertThat(Templates.loadDefault().unfilled(notice)).isEmpty();
        assertThat(afterSecond.caseFile().deferral().noticesSent()).isEqualTo(2);

        store.deliverAll(feedback.id(), at("2026-09-02T11:01"));
        Feedback working = transition(store.stored(feedback.id()), Status.IN_PROGRESS, null, at("2026-10-08T09:00"));
        store.deliverAll(feedback.id(), at("2026-10-08T09:01"));
        SweepReport afterLeaving = store.sweep().run(at("2026-12-02T11:00"), ALWAYS, false);

        assertThat(working.caseFile().deferral()).isNull();
        assertThat(afterLeaving.deferredNotices()).isZero();
        assertThat(noticeKeys(store.stored(feedback.id()))).as("delivered notices leave the outbox at the next change").isEmpty();
    }

    @Test
    void aLateSweepCatchesUpEveryMissedNoticeOnceInOrder() {
        Feedback feedback = deferred(store.submitted(SUBMITTED));

        SweepReport late = store.sweep().run(at("2026-09-10T08:00"), ALWAYS, false);
        SweepReport next = store.sweep().run(at("2026-09-10T08:01"), ALWAYS, false);

        assertThat(late.deferredNotices()).isEqualTo(2);
        assertThat(next.examined()).isZero();
        Feedback stored = store.stored(feedback.id());
        assertThat(noticeKeys(stored)).containsExactly("DEFERRED:1#0:" + CITIZEN, "DEFERRED:2#0:" + CITIZEN);
        assertThat(stored.outbox()).filteredOn(n -> n.event() == NotificationEvent.DEFERRED_PROGRESS).extracting(n -> n.params().get("at"))
                .containsExactly("2026-06-02 11:00", "2026-09-02 11:00"); // Beijing time, as the citizen reads it
        store.deliverAll(feedback.id(), at("2026-09-10T08:02"));
        assertThat(store.stored(feedback.id()).nextTimerAt()).as("delivered: due for the third notice").isEqualTo(at("2026-12-02T11:00"));
    }

    @Test
    void aSecondStayInDeferredNumbersItsNoticesAfreshUnderItsOwnRound() {
        Feedback feedback = deferred(store.submitted(SUBMITTED));
        store.sweep().run(at("2026-06-02T11:00"), ALWAYS, false);
        store.deliverAll(feedback.id(), at("2026-06-02T11:01"));
        transition(store.stored(feedback.id()), Status.IN_PROGRESS, null, at("2026-07-01T09:00"));
        Feedback again = transition(store.stored(feedback.id()), Status.DEFERRED, "2027Q2", at("2026-07-01T10:00"));
        store.deliverAll(feedback.id(), at("2026-07-01T10:01"));

        SweepReport report = store.sweep().run(at("2026-10-01T10:00"), ALWAYS, false);

        assertThat(again.caseFile().deferral().since()).isEqualTo(at("2026-07-01T10:00"));
        assertThat(report.deferredNotices()).isEqualTo(1);
        assertThat(noticeKeys(store.stored(feedback.id()))).containsExactly("DEFERRED:1#1:" + CITIZEN);
    }

    @Test
    void aDryRunCountsTheNoticeAndWritesNothing() {
        Feedback feedback = deferred(store.submitted(SUBMITTED));

        SweepReport dry = store.sweep().run(at("2026-06-02T11:00"), ALWAYS, true);

        assertThat(dry.deferredNotices()).isEqualTo(1);
        assertThat(store.stored(feedback.id())).isEqualTo(feedback);
    }

    @Test
    void twoSweepsRacingWriteEachNoticeOnce() throws Exception {
        List<Feedback> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(deferred(store.submitted(SUBMITTED)));
        }
        List<SweepReport> runs = store.racingSweeps(at("2026-09-10T08:00"));
        assertThat(runs.get(0).deferredNotices() + runs.get(1).deferredNotices()).isEqualTo(2 * items.size());
        assertTwoNoticesEach(items);
    }

    /** The race made certain: a second sweep runs to the end between the first one's read and its write. */
    @Test
    void aSweepWhoseReadWasOvertakenWritesNoSecondNotice() {
        Instant late = at("2026-09-10T08:00");
        int shard = DueSweep.firstShard(late);
        Feedback feedback = deferred(store.submitted(SUBMITTED, SweepFixtures.idInShard(shard, SUBMITTED)));
        AtomicBoolean queried = new AtomicBoolean();
        AtomicBoolean overtaken = new AtomicBoolean();
        SweepReport[] other = new SweepReport[1];

        SweepReport stale = store.sweep().run(late, () -> {
            if (queried.getAndSet(true) && !overtaken.getAndSet(true)) {
                other[0] = CompletableFuture.supplyAsync(() -> store.sweep().run(late, ALWAYS, false)).join();
            }
            return true;
        }, false);

        assertThat(List.of(stale.conflicts(), stale.deferredNotices())).containsExactly(1, 0);
        assertThat(other[0].deferredNotices()).isEqualTo(2);
        assertTwoNoticesEach(List.of(feedback));
    }

    private void assertTwoNoticesEach(List<Feedback> items) {
        for (Feedback item : items) {
            Feedback stored = store.stored(item.id());
            assertThat(noticeKeys(stored)).containsExactly("DEFERRED:1#0:" + CITIZEN, "DEFERRED:2#0:" + CITIZEN);
            assertThat(stored.caseFile().deferral().noticesSent()).isEqualTo(2);
        }
    }

    /** The progress notices in the item's outbox, in order (the status changes' notices are left out). */
    private static List<String> noticeKeys(Feedback feedback) {
        return outboxKeys(feedback).stream().filter(key -> key.startsWith("DEFERRED:")).toList();
    }

    /** Accepted at 10:30 and deferred at 11:00 through the case service, the status notices delivered: as stored then. */
    private Feedback deferred(Feedback submitted) {
        cases(at("2026-03-02T10:30")).acknowledge(SUPERVISOR, new CaseRequests.Acknowledge(submitted.id(), null, submitted.version()));
        transition(store.stored(submitted.id()), Status.DEFERRED, "2027Q1", DEFERRED_AT);
        store.deliverAll(submitted.id(), DEFERRED_AT.plusSeconds(60));
        return store.stored(submitted.id());
    }

    private Feedback transition(Feedback read, Status to, String targetQuarter, Instant at) {
        cases(at).transition(SUPERVISOR, new CaseRequests.Transition(read.id(), to.name(), "进展说明", null, targetQuarter, read.version()));
        return store.stored(read.id());
    }

    private CaseService cases(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SimilarFeedback similar = new SimilarFeedback(store.dynamo, store.table, new SimilaritySignature(TextNormalizer.loadDefault()));
        return new CaseService(store.repository, SweepFixtures.CLOCKS, new FeedbackViews(SweepFixtures.CLOCKS, similar, clock),
                LifecyclePolicy.loadDefault(),
                new RequestRules(LifecyclePolicy.loadDefault(), Set.of(SweepFixtures.DEPARTMENT), SweepFixtures.CLOCKS.zone()),
                CaseTexts.loadDefault(), clock);
    }
}
