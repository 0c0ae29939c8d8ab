package com.govfeedback.feedback.sweep;

import static com.govfeedback.feedback.sweep.SweepFixtures.at;
import static com.govfeedback.feedback.sweep.SweepFixtures.outboxKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.notify.Templates;

/**
 * The sweep against a real DynamoDB API (dynalite), on the worked example of docs/sla.md: ORANGE 功能异常 submitted
 * Mon 2026-03-02 10:00 Shanghai, acknowledge due 12:00, resolve due Tue 10:00, one more level every 4 hours overdue.
 */
class DueSweepTest {
    private static final Instant SUBMITTED = at("2026-03-02T10:00");
    private static final String DEPT = "DEPARTMENT-" + SweepFixtures.DEPARTMENT;
    private static final BooleanSupplier ALWAYS = () -> true;

    private SweepFixtures store;

    @BeforeEach
    void freshTable() {
        store = SweepFixtures.freshTable();
    }

    @Test
    void warnsTheDepartmentOnceAtHalfAndAtThreeQuartersOfTheWindow() {
        Feedback feedback = store.submitted(SUBMITTED);

        assertThat(store.sweep().run(at("2026-03-02T10:59"), ALWAYS, false).examined()).isZero();
        SweepReport half = store.sweep().run(at("2026-03-02T11:00"), ALWAYS, false);
        store.deliverAll(feedback.id(), at("2026-03-02T11:01"));
        SweepReport again = store.sweep().run(at("2026-03-02T11:10"), ALWAYS, false);
        SweepReport threeQuarters = store.sweep().run(at("2026-03-02T11:30"), ALWAYS, false);

        assertThat(half.warned()).isEqualTo(1);
        assertThat(again.examined()).isZero();
        assertThat(threeQuarters.warned()).isEqualTo(1);
        Feedback stored = store.stored(feedback.id());
        assertThat(outboxKeys(stored)).containsExactly("WARN_50:ACK#0:" + DEPT, "WARN_75:ACK#0:" + DEPT);
        Notification warning = stored.outbox().get(1);
        assertThat(warning.event()).isEqualTo(NotificationEvent.SLA_WARNING);
        assertThat(warning.recipient()).isEqualTo(new Recipient(Recipient.Kind.DEPARTMENT, SweepFixtures.DEPARTMENT));
        assertThat(warning.params()).containsEntry("percent", "75").containsEntry("clock", "ACK")
                .containsEntry("trackingNo", feedback.trackingNo());
        assertThat(warning.state()).isEqualTo(Notification.State.PENDING);
        assertThat(stored.sla().clock(com.govfeedback.sla.ClockKind.ACKNOWLEDGE).orElseThrow().warningsSent()).isEqualTo(2);
    }

    @Test
    void aBreachIsRecordedOnceAndRaisesOneLevelNotifyingTheNextInTheChain() {
        Feedback feedback = store.submitted(SUBMITTED);
        store.sweep().run(at("2026-03-02T11:45"), ALWAYS, false);
        store.deliverAll(feedback.id(), at("2026-03-02T11:46"));

        SweepReport breach = store.sweep().run(at("2026-03-02T12:00"), ALWAYS, false);
        SweepReport sameMoment = store.sweep().run(at("2026-03-02T12:00"), ALWAYS, false);
        store.deliverAll(feedback.id(), at("2026-03-02T12:01"));
        SweepReport later = store.sweep().run(at("2026-03-02T15:59"), ALWAYS, false);

        assertThat(List.of(breach.breached(), breach.escalated(), breach.overdueUnhandled())).containsExactly(1, 1, 0);
        assertThat(sameMoment.examined()).isZero();
        assertThat(later.examined()).isZero();
        Feedback stored = store.stored(feedback.id());
        assertThat(stored.sla().escalationLevel()).isEqualTo(1);
        assertThat(outboxKeys(stored)).containsExactly("WARN_50:ACK#0:" + DEPT, "WARN_75:ACK#0:" + DEPT,
                "BREACH:ACK#0:" + DEPT, "ESCALATE:1:ESCALATION-DEPARTMENT_HEAD@" + SweepFixtures.DEPARTMENT);
        assertThat(stored.outbox().get(3).event()).isEqualTo(NotificationEvent.ESCALATED);
        // every message the sweep writes fills its whole template: which clock, when it is due, which level
        Templates templates = Templates.loadDefault();
        assertThat(stored.outbox()).allSatisfy(n -> assertThat(templates.unfilled(n)).as(n.id()).isEmpty());
        assertThat(templates.render(stored.outbox().get(2)).body()).contains("受理响应").contains("2026-03-02 12:00");
        assertThat(templates.render(stored.outbox().get(3)).title()).contains("部门负责人");
    }

    @Test
    void anOverdueFollowUpIsReportedOnceAndThenLeavesTheIndex() {
        Feedback feedback = store.submitted(SUBMITTED);
        Instant followUpDue = SUBMITTED.plus(Duration.ofMinutes(30));
        Feedback withFollowUp = feedback.withCaseFile(feedback.caseFile().withFollowUp(
                com.govfeedback.feedback.CaseFile.FollowUp.opened(SUBMITTED, followUpDue)));
        store.repository.replace(SweepFixtures.CLOCKS.reindexed(withFollowUp, SUBMITTED).nextVersion());

        assertThat(store.sweep().run(followUpDue.minusSeconds(1), ALWAYS, false).examined()).isZero();
        assertThat(store.sweep().run(followUpDue, ALWAYS, false).examined()).isEqualTo(1);
        assertThat(store.sweep().run(followUpDue.plusSeconds(60), ALWAYS, false).examined()).as("not again").isZero();

        Feedback stored = store.stored(feedback.id());
        assertThat(stored.outbox()).filteredOn(n -> n.event() == NotificationEvent.FOLLOW_UP_OVERDUE).singleElement()
                .satisfies(n -> assertThat(Templates.loadDefault().unfilled(n)).isEmpty())
                .extracting(n -> n.recipient().key()).isEqualTo(DEPT);
        assertThat(stored.caseFile().followUp().overdueNoticed()).isTrue();
        assertThat(stored.nextTimerAt()).isAfter(followUpDue);
    }

    @Test
    void warningsAlsoReachTheAssignee() {
        Feedback feedback = store.submitted(SUBMITTED);
        Feedback assigned = feedback.withCaseFile(feedback.caseFile().withAssignment(new com.govfeedback.feedback.CaseFile.Assignment(
                "wang", java.time.LocalDate.parse("2026-03-05"), "staff-1", SUBMITTED))).nextVersion();
        store.repository.replace(assigned);

        store.sweep().run(at("2026-03-02T11:00"), ALWAYS, false);

        assertThat(outboxKeys(store.stored(feedback.id()))).containsExactly("WARN_50:ACK#0:" + DEPT, "WARN_50:ACK#0:ASSIGNEE-wang");
    }

    @Test
    void anOverdueItemRisesOneMoreLevelEveryIntervalUpToTheTop() {
        Feedback feedback = store.submitted(SUBMITTED);
        List<Integer> levels = new ArrayList<>();
        for (String time : List.of("2026-03-02T12:00", "2026-03-02T15:00", "2026-03-02T16:00", "2026-03-02T20:00", "2026-03-02T21:00")) {
            store.sweep().run(at(time), ALWAYS, false);
            levels.add(store.stored(feedback.id()).sla().escalationLevel());
        }

        assertThat(levels).containsExactly(1, 1, 2, 3, 3);
        assertThat(outboxKeys(store.stored(feedback.id()))).filteredOn(key -> key.startsWith("ESCALATE")).containsExactly(
                "ESCALATE:1:ESCALATION-DEPARTMENT_HEAD@" + SweepFixtures.DEPARTMENT, "ESCALATE:2:ESCALATION-OPTIMIZATION_OFFICE@" + SweepFixtures.DEPARTMENT,
                "ESCALATE:3:ESCALATION-LEADING_GROUP@" + SweepFixtures.DEPARTMENT);
    }

    @Test
    void aLateSweepCatchesUpEveryMissedActionOnceInOrder() {
        Feedback feedback = store.submitted(SUBMITTED);

        SweepReport late = store.sweep().run(at("2026-03-03T12:00"), ALWAYS, false);
        SweepReport next = store.sweep().run(at("2026-03-03T12:01"), ALWAYS, false);

        assertThat(List.of(late.examined(), late.warned(), late.breached(), late.escalated())).containsExactly(1, 4, 2, 3);
        assertThat(next.examined()).isZero();
        assertThat(outboxKeys(store.stored(feedback.id()))).containsExactly(
                "WARN_50:ACK#0:" + DEPT, "WARN_75:ACK#0:" + DEPT, "BREACH:ACK#0:" + DEPT,
                "ESCALATE:1:ESCALATION-DEPARTMENT_HEAD@" + SweepFixtures.DEPARTMENT, "ESCALATE:2:ESCALATION-OPTIMIZATION_OFFICE@" + SweepFixtures.DEPARTMENT,
                "ESCALATE:3:ESCALATION-LEADING_GROUP@" + SweepFixtures.DEPARTMENT, "WARN_50:RESOLVE#0:" + DEPT, "WARN_75:RESOLVE#0:" + DEPT,
                "BREACH:RESOLVE#0:" + DEPT);
    }

    @Test
    void aDryRunReportsWhatItWouldDoAndWritesNothing() {
        Feedback feedback = store.submitted(SUBMITTED);
        Instant now = at("2026-03-03T12:00");

        SweepReport dry = store.sweep().run(now, ALWAYS, true);
        Feedback untouched = store.stored(feedback.id());
        SweepReport real = store.sweep().run(now, ALWAYS, false);

        assertThat(untouched).isEqualTo(feedback);
        assertThat(dry.dryRun()).isTrue();
        assertThat(List.of(dry.examined(), dry.warned(), dry.breached(), dry.escalated()))
                .containsExactly(real.examined(), real.warned(), real.breached(), real.escalated());
        assertThat(real.warned()).isEqualTo(4);
    }

    @Test
    void itemsNotYetDueAreNeverReadAndPagesFollowEachOther() {
        // one shard, so that the three due items span two pages of two and sort before ten items due later
        int shard = 3;
        Instant later = at("2026-03-02T11:00");
        for (int i = 0; i < 10; i++) {
            store.submitted(later, SweepFixtures.idInShard(shard, later));
        }
        for (int i = 0; i < 3; i++) {
            store.submitted(SUBMITTED, SweepFixtures.idInShard(shard, SUBMITTED));
        }

        SweepReport report = store.sweep(SweepSettings.DEFAULT.withPageSize(2)).run(at("2026-03-02T11:30"), ALWAYS, false);

        assertThat(List.of(report.read(), report.examined(), report.warned())).containsExactly(3, 3, 6);
    }

    @Test
    void theTimeLimitLeavesTheRestForTheNextRun() {
        Instant now = at("2026-03-02T12:30");
        int shard = DueSweep.firstShard(now);
        List<Feedback> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(store.submitted(SUBMITTED, SweepFixtures.idInShard(shard, SUBMITTED)));
        }
        AtomicInteger checks = new AtomicInteger();
        BooleanSupplier queryAndTwoItems = () -> checks.incrementAndGet() <= 3;

        SweepReport cut = store.sweep().run(now, queryAndTwoItems, false);
        SweepReport rest = store.sweep().run(now, ALWAYS, false);

        assertThat(List.of(cut.examined(), cut.leftForLater(), cut.overdueUnhandled())).containsExactly(2, 3, 3);
        assertThat(cut.complete()).isFalse();
        assertThat(List.of(rest.examined(), rest.breached(), rest.leftForLater())).containsExactly(3, 3, 0);
        assertThat(rest.complete()).isTrue();
        for (Feedback item : items) {
            assertThat(outboxKeys(store.stored(item.id()))).containsOnlyOnce("BREACH:ACK#0:" + DEPT);
        }
    }

    @Test
    void undeliveredNotificationsAreRedrivenWithGrowingWaitsThenMarkedDead() {
        Feedback feedback = store.submitted(SUBMITTED);
        DueSweep sweep = store.sweep(SweepSettings.DEFAULT.withMaxAttempts(2));
        sweep.run(at("2026-03-02T11:00"), ALWAYS, false);
        Instant firstRedrive = at("2026-03-02T11:00").plus(Notification.REDRIVE_AFTER);

        assertThat(sweep.run(firstRedrive.minusSeconds(1), ALWAYS, false).examined()).isZero();
        SweepReport first = sweep.run(firstRedrive, ALWAYS, false);
        Feedback afterFirst = store.stored(feedback.id());
        // the re-driven entry is due at once (the notifier delivers it); the next re-drive waits twice as long
        Instant secondRedrive = firstRedrive.plus(Notification.REDRIVE_AFTER.multipliedBy(2));
        assertThat(sweep.run(secondRedrive.minusSeconds(1), ALWAYS, false).examined()).isZero();
        SweepReport second = sweep.run(secondRedrive, ALWAYS, false);
        Feedback afterSecond = store.stored(feedback.id());
        Instant third = secondRedrive.plus(Notification.REDRIVE_AFTER.multipliedBy(4));
        assertThat(sweep.run(third.minusSeconds(1), ALWAYS, false).examined()).isZero();
        SweepReport last = sweep.run(third, ALWAYS, false);
        Feedback afterLast = store.stored(feedback.id());

        assertThat(List.of(first.redriven(), second.redriven(), last.redriven(), last.dead())).containsExactly(1, 1, 0, 1);
        assertThat(afterFirst.outbox().get(0).attempts()).isEqualTo(1);
        assertThat(afterFirst.outbox().get(0).nextAttemptAt()).isEqualTo(firstRedrive);
        assertThat(afterFirst.version()).isEqualTo(3);
        assertThat(afterSecond.outbox().get(0).attempts()).isEqualTo(2);
        assertThat(afterLast.outbox()).singleElement().extracting(Notification::state).isEqualTo(Notification.State.DEAD);
        // a dead notification no longer holds the item in the due index: its next point is the 75% warning
        assertThat(afterLast.nextTimerAt()).isEqualTo(at("2026-03-02T11:30"));
    }
}
