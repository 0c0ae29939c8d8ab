package com.govfeedback.improvement;

import static com.govfeedback.improvement.FakeFeedbackSide.LEAD;
import static com.govfeedback.improvement.FakeFeedbackSide.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.improvement.service.ImprovementRequests;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.service.ImprovementViews;
import com.govfeedback.improvement.service.NoticeFanOut;
import com.govfeedback.improvement.store.ImprovementNotice;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.LinkRecord;
import com.govfeedback.shared.Ids;
import com.govfeedback.testing.MutableClock;

/** A status change reaches every linked citizen exactly once: after the fan-out dies half-way (10,000 citizens), and with two workers racing. */
class FanOutResumeTest {
    private static final int CITIZENS = 10_000;
    private static final long CRASH_AT_CALL = 5_050; // in the middle of a page of 100

    @Test
    void aFanOutKilledHalfWayIsResumedAndEveryCitizenIsToldExactlyOnce() {
        FakeFeedbackSide feedback = new FakeFeedbackSide();
        ImprovementStore store = FakeFeedbackSide.newStore();
        AtomicLong calls = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        Predicate<ImprovementNotice> counting = notice -> {
            boolean wrote = store.putNotice(notice);
            if (wrote) {
                stored.incrementAndGet();
            }
            return wrote;
        };
        Predicate<ImprovementNotice> dying = notice -> {
            if (calls.incrementAndGet() == CRASH_AT_CALL) {
                throw new IllegalStateException("the worker died");
            }
            return counting.test(notice);
        };
        MutableClock clock = new MutableClock(START);
        ImprovementService service = new ImprovementService(store, feedback, feedback, Tracker.loadDefault(), PriorityPolicy.loadDefault(),
                SatisfactionChange.loadDefault(), new NoticeFanOut(store, feedback, dying), Set.of(LEAD), clock);
        Caller office = new Caller("office-zhao", Role.OPTIMISATION_OFFICE, null);

        String first = feedback.add(citizen(0), null, "/s", "BUG", "5.9.2", "RED", true);
        ImprovementViews.StaffView created = service.create(office, new ImprovementRequests.Create(Ids.newId(Instant.now()), "办事进度查询慢", null, List.of(first), null,
                List.of(), List.of(), List.of(), null, LEAD, List.of(), null));
        String id = created.tracker().id();
        for (int i = 0; i < CITIZENS; i++) {
            store.putLink(id, new LinkRecord(Ids.newId(START.plusMillis(i)), citizen(i), null, 1, "BLUE", false, null, START, START, null));
        }

        clock.advance(Duration.ofMinutes(1));
        ImprovementViews.StaffView accepted = service.move(office, new ImprovementRequests.Move(id, "ACCEPTED", "已采纳", "2026-Q2", null, null, null,
                null, created.version()));
        assertThat(accepted.pendingFanOuts()).as("the request delivers the first pages and leaves the rest pending").isEqualTo(1);
        // the first page holds both feedback of citizen-00000, who is told once
        assertThat(stored.get()).isEqualTo(ImprovementService.FAN_OUT_PAGES_IN_REQUEST * NoticeFanOut.PAGE_SIZE - 1);

        NoticeFanOut dyingSweep = new NoticeFanOut(store, feedback, dying);
        assertThatThrownBy(() -> dyingSweep.resumePending(clock.instant(), 10, Integer.MAX_VALUE)).hasMessage("the worker died");
        assertThat(stored.get()).isEqualTo(CRASH_AT_CALL - 1);
        assertThat(store.pendingFanOuts(clock.instant(), 10)).containsExactly(id);

        NoticeFanOut.Report resumed = new NoticeFanOut(store, feedback, counting).resumePending(clock.instant(), 10, Integer.MAX_VALUE);
        assertThat(resumed.finished()).isTrue();
        assertThat(resumed.alreadyWritten()).as("the page in hand when it died is redone as no-op writes").isPositive()
                .isLessThan(NoticeFanOut.PAGE_SIZE);
        assertThat(stored.get()).as("one stored notice per citizen, over all attempts").isEqualTo(CITIZENS);

        String noticeId = id + ":ACCEPTED:2";
        List<String> recipients = store.noticeRecipients(noticeId);
        assertThat(recipients).hasSize(CITIZENS);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < CITIZENS; i++) {
            expected.add(citizen(i));
        }
        assertThat(new HashSet<>(recipients)).isEqualTo(expected);
        assertThat(store.pendingFanOuts(clock.instant(), 10)).isEmpty();
        assertThat(store.find(id).orElseThrow().fanOuts()).isEmpty();

        NoticeFanOut.Report again = new NoticeFanOut(store, feedback, counting).resumePending(clock.instant(), 10, Integer.MAX_VALUE);
        assertThat(again.pages()).as("nothing is pending any more").isZero();
        assertThat(stored.get()).isEqualTo(CITIZENS);
    }

    @Test
    void twoWorkersRacingOnOneFanOutStillTellEachCitizenOnce() throws Exception {
        int citizens = 1_500;
        FakeFeedbackSide feedback = new FakeFeedbackSide();
        ImprovementStore store = FakeFeedbackSide.newStore();
        AtomicLong stored = new AtomicLong();
        Predicate<ImprovementNotice> counting = notice -> {
            boolean wrote = store.putNotice(notice);
            if (wrote) {
                stored.incrementAndGet();
            }
            return wrote;
        };
        MutableClock clock = new MutableClock(START);
        // the request itself delivers nothing here: every page is left to the racing workers
        NoticeFanOut idle = new NoticeFanOut(store, feedback, notice -> {
            throw new IllegalStateException("not in the request");
        });
        ImprovementService service = new ImprovementService(store, feedback, feedback, Tracker.loadDefault(), PriorityPolicy.loadDefault(),
                SatisfactionChange.loadDefault(), idle, Set.of(LEAD), clock);
        Caller office = new Caller("office-zhao", Role.OPTIMISATION_OFFICE, null);
        ImprovementViews.StaffView created = service.create(office, new ImprovementRequests.Create(Ids.newId(Instant.now()), "预约挂号难", null,
                List.of(feedback.add(citizen(0), null, "/s", "BUG", "5.9.2", "RED", true)), null, List.of(), List.of(), List.of(), null, LEAD,
                List.of(), null));
        String id = created.tracker().id();
        for (int i = 1; i < citizens; i++) {
            store.putLink(id, new LinkRecord(Ids.newId(START.plusMillis(i)), citizen(i), null, 1, "BLUE", false, null, START, START, null));
        }
        service.move(office, new ImprovementRequests.Move(id, "ACCEPTED", null, null, null, null, null, null, created.version()));

        Runnable worker = () -> {
            NoticeFanOut fanOut = new NoticeFanOut(store, feedback, counting);
            while (!store.pendingFanOuts(clock.instant(), 10).isEmpty()) {
                fanOut.run(id, 1);
            }
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(worker);
            var second = threads.submit(worker);
            first.get();
            second.get();
        } finally {
            threads.shutdown();
        }
        assertThat(stored.get()).isEqualTo(citizens);
        assertThat(new HashSet<>(store.noticeRecipients(id + ":ACCEPTED:2"))).hasSize(citizens);
    }

    private static String citizen(int i) {
        return String.format("citizen-%05d", i);
    }
}
