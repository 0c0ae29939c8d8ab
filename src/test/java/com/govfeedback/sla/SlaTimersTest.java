package com.govfeedback.sla;

import static com.govfeedback.sla.SlaFixtures.CLOCKS;
import static com.govfeedback.sla.SlaFixtures.TIMERS;
import static com.govfeedback.sla.SlaFixtures.at;
import static com.govfeedback.sla.SlaFixtures.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaTimersTest {
    private static final Instant SUBMITTED = at("2026-03-02T10:00");

    /** What a sweep loop does with one item: apply what is due, then wait for the next timer point. */
    private static final class Sweeper {
        SlaState state;
        final List<TimerAction> applied = new ArrayList<>();

        Sweeper(SlaState state) {
            this.state = state;
        }

        Sweeper runAt(Instant now) {
            for (TimerAction action : TIMERS.dueActions(state, now)) {
                state = TIMERS.apply(state, action);
                applied.add(action);
            }
            return this;
        }

        Sweeper runEvery(Duration step, Instant until) {
            for (Instant now = state.submittedAt(); !now.isAfter(until); now = now.plus(step)) {
                runAt(now);
            }
            return this;
        }

        List<String> keys() {
            return applied.stream().map(TimerAction::key).toList();
        }
    }

    @Test
    void anUntouchedOrangeItemWarnsBreachesAndEscalatesToTheTopOnce() {
        Sweeper sweeper = new Sweeper(CLOCKS.start(Colour.ORANGE, "MALFUNCTION", SUBMITTED))
                .runEvery(Duration.ofMinutes(5), at("2026-03-04T10:00"));
        assertThat(sweeper.applied).extracting(TimerAction::key, TimerAction::at).containsExactly(
                tuple("WARN_50:ACK#0", at("2026-03-02T11:00")),
                tuple("WARN_75:ACK#0", at("2026-03-02T11:30")),
                tuple("BREACH:ACK#0", at("2026-03-02T12:00")),
                tuple("ESCALATE:1", at("2026-03-02T12:00")),
                tuple("ESCALATE:2", at("2026-03-02T16:00")),
                tuple("ESCALATE:3", at("2026-03-02T20:00")),
                tuple("WARN_50:RESOLVE#0", at("2026-03-02T22:00")),
                tuple("WARN_75:RESOLVE#0", at("2026-03-03T04:00")),
                tuple("BREACH:RESOLVE#0", at("2026-03-03T10:00")));
        assertThat(sweeper.state.escalationLevel()).isEqualTo(3);
        assertThat(CLOCKS.view(sweeper.state, at("2026-03-04T10:00")).escalationName()).isEqualTo("领导小组");
        assertThat(TIMERS.nextTimerAt(sweeper.state)).as("top of the chain, every breach recorded").isNull();
    }

    @Test
    void aSweepThatRanLateCatchesUpWithEveryMissedActionInOrderOnce() {
        SlaState start = CLOCKS.start(Colour.ORANGE, null, SUBMITTED);
        Sweeper punctual = new Sweeper(start).runEvery(Duration.ofMinutes(1), at("2026-03-03T12:00"));
        Sweeper late = new Sweeper(start).runAt(at("2026-03-02T10:30")).runAt(at("2026-03-03T12:00"));
        assertThat(late.applied).isEqualTo(punctual.applied);
        assertThat(late.state).isEqualTo(punctual.state);
        assertThat(TIMERS.dueActions(late.state, at("2026-03-03T12:00"))).isEmpty();
    }

    @Test
    void nextTimerAtIsTheEarliestPointNotYetApplied() {
        Sweeper sweeper = new Sweeper(CLOCKS.start(Colour.ORANGE, null, SUBMITTED));
        assertThat(TIMERS.nextTimerAt(sweeper.state)).isEqualTo(at("2026-03-02T11:00"));
        sweeper.runAt(at("2026-03-02T13:00"));
        assertThat(sweeper.keys()).containsExactly("WARN_50:ACK#0", "WARN_75:ACK#0", "BREACH:ACK#0", "ESCALATE:1");
        assertThat(TIMERS.nextTimerAt(sweeper.state)).isEqualTo(at("2026-03-02T16:00"));
    }

    @Test
    void applyingAnActionTwiceChangesNothingTheSecondTime() {
        SlaState state = CLOCKS.start(Colour.RED, null, SUBMITTED);
        List<TimerAction> due = TIMERS.dueActions(state, at("2026-03-02T12:30"));
        SlaState once = state;
        for (TimerAction action : due) {
            once = TIMERS.apply(once, action);
        }
        SlaState twice = once;
        for (TimerAction action : due) {
            twice = TIMERS.apply(twice, action);
        }
        assertThat(twice).isEqualTo(once);
        assertThat(TIMERS.dueActions(once, at("2026-03-02T12:30"))).isEmpty();
        assertThat(due).extracting(TimerAction::key).doesNotHaveDuplicates();
    }

    @Test
    void twoSweepsReadingTheSameStateComputeTheSameKeys() {
        // the storage layer's conditional write lets one of them win; the keys must agree for that to dedupe
        SlaState state = CLOCKS.start(Colour.YELLOW, null, SUBMITTED);
        assertThat(TIMERS.dueActions(state, at("2026-03-04T12:00")))
                .isEqualTo(TIMERS.dueActions(state, at("2026-03-04T12:00")));
    }

    @Test
    void aRedItemBreachingBothClocksAtOnceRisesOneLevelThenOneEveryTwoHours() {
        Sweeper sweeper = new Sweeper(CLOCKS.start(Colour.RED, "OUTAGE", SUBMITTED)).runAt(at("2026-03-02T17:00"));
        assertThat(sweeper.applied).filteredOn(action -> !(action instanceof TimerAction.Warning))
                .extracting(TimerAction::key, TimerAction::at).containsExactly(
                        tuple("BREACH:ACK#0", at("2026-03-02T12:00")),
                        tuple("BREACH:RESOLVE#0", at("2026-03-02T12:00")),
                        tuple("ESCALATE:1", at("2026-03-02T12:00")),
                        tuple("ESCALATE:2", at("2026-03-02T14:00")),
                        tuple("ESCALATE:3", at("2026-03-02T16:00")));
        assertThat(sweeper.applied).filteredOn(action -> action instanceof TimerAction.Escalation)
                .extracting(action -> ((TimerAction.Escalation) action).levelCode())
                .containsExactly("DEPARTMENT_HEAD", "OPTIMIZATION_OFFICE", "LEADING_GROUP");
    }

    @Test
    void aLateAcknowledgementEndsTheOverdueSpellAndALaterBreachStartsAnother() {
        SlaState acknowledgedLate = CLOCKS.acknowledge(CLOCKS.start(Colour.ORANGE, null, SUBMITTED), at("2026-03-02T12:30"));
        Sweeper sweeper = new Sweeper(acknowledgedLate).runAt(at("2026-03-02T17:00"));
        assertThat(sweeper.keys()).as("no warnings for a stopped clock, no second level after the spell ended")
                .containsExactly("BREACH:ACK#0", "ESCALATE:1");
        sweeper.runAt(at("2026-03-03T15:00"));
        assertThat(sweeper.applied.subList(2, sweeper.applied.size()))
                .extracting(TimerAction::key, TimerAction::at).containsExactly(
                        tuple("WARN_50:RESOLVE#0", at("2026-03-02T22:00")),
                        tuple("WARN_75:RESOLVE#0", at("2026-03-03T04:00")),
                        tuple("BREACH:RESOLVE#0", at("2026-03-03T10:00")),
                        tuple("ESCALATE:2", at("2026-03-03T10:00")),
                        tuple("ESCALATE:3", at("2026-03-03T14:00")));
    }

    @Test
    void timeWaitingForTheCitizenDoesNotCountTowardsTheNextEscalation() {
        SlaState state = CLOCKS.acknowledge(CLOCKS.start(Colour.ORANGE, null, SUBMITTED), at("2026-03-02T10:30"));
        Sweeper sweeper = new Sweeper(state).runAt(at("2026-03-03T10:30"));
        assertThat(sweeper.keys()).endsWith("BREACH:RESOLVE#0", "ESCALATE:1");
        sweeper.state = CLOCKS.resume(CLOCKS.pause(sweeper.state, "请补充材料", at("2026-03-03T11:00")), at("2026-03-03T13:00"));
        assertThat(TIMERS.nextTimerAt(sweeper.state)).isEqualTo(at("2026-03-03T16:00"));
    }

    @Test
    void aBlueItemEscalatesOneWorkingDayAtATime() {
        // submitted Wed 03-04: due at the end of Fri 03-13; the next levels at the ends of Mon 03-16 and Tue 03-17
        Sweeper sweeper = new Sweeper(CLOCKS.acknowledge(CLOCKS.start(Colour.BLUE, null, at("2026-03-04T10:00")),
                at("2026-03-04T11:00"))).runAt(at("2026-03-20T00:00"));
        assertThat(sweeper.applied).filteredOn(action -> !(action instanceof TimerAction.Warning))
                .extracting(TimerAction::key, TimerAction::at).containsExactly(
                        tuple("BREACH:RESOLVE#0", endOf("2026-03-13")),
                        tuple("ESCALATE:1", endOf("2026-03-13")),
                        tuple("ESCALATE:2", endOf("2026-03-16")),
                        tuple("ESCALATE:3", endOf("2026-03-17")));
        assertThat(sweeper.applied).filteredOn(action -> action instanceof TimerAction.Warning)
                .extracting(TimerAction::key, TimerAction::at).containsExactly(
                        tuple("WARN_50:RESOLVE#0", at("2026-03-10T12:00")),
                        tuple("WARN_75:RESOLVE#0", at("2026-03-12T06:00")));
    }

    @Test
    void aPauseMovesTheWarningPointsWithTheDeadline() {
        SlaState paused = CLOCKS.pause(CLOCKS.acknowledge(CLOCKS.start(Colour.YELLOW, null, SUBMITTED),
                at("2026-03-02T11:00")), "请补充材料", at("2026-03-03T10:00"));
        SlaState resumed = CLOCKS.resume(paused, at("2026-03-04T10:00"));
        // 72h window: 50% at 36h of running time = 03-03 22:00 without the pause, one day later with it
        assertThat(TIMERS.nextTimerAt(resumed)).isEqualTo(at("2026-03-04T22:00"));
        assertThat(TIMERS.nextTimerAt(paused)).as("while paused, the points assume the pause runs to the cap")
                .isEqualTo(at("2026-03-03T22:00").plus(SlaFixtures.POLICY.maxTotalPause()));
    }

    @Test
    void retriageToRedOwesEveryPassedPointAtOnce() {
        SlaState red = CLOCKS.retriage(CLOCKS.start(Colour.YELLOW, null, SUBMITTED), Colour.RED, false);
        assertThat(TIMERS.dueActions(red, at("2026-03-02T13:00"))).extracting(TimerAction::key).containsExactly(
                "WARN_50:ACK#0", "WARN_50:RESOLVE#0", "WARN_75:ACK#0", "WARN_75:RESOLVE#0",
                "BREACH:ACK#0", "BREACH:RESOLVE#0", "ESCALATE:1");
        assertThat(TIMERS.nextTimerAt(TIMERS.dueActions(red, at("2026-03-02T13:00")).stream()
                .reduce(red, TIMERS::apply, (a, b) -> b))).isEqualTo(at("2026-03-02T14:00"));
    }

    @Test
    void keysStayUniqueOverReopeningAndTheLevelCarriesOn() {
        Sweeper sweeper = new Sweeper(CLOCKS.start(Colour.ORANGE, null, SUBMITTED)).runAt(at("2026-03-02T13:00"));
        sweeper.state = CLOCKS.resolve(sweeper.state, at("2026-03-02T14:00"));
        sweeper.runAt(at("2026-03-02T15:00"));
        assertThat(TIMERS.nextTimerAt(sweeper.state)).as("resolved: the item leaves the due index").isNull();
        sweeper.state = CLOCKS.reopen(sweeper.state, at("2026-03-05T09:00"));
        sweeper.runAt(at("2026-03-06T12:00"));
        assertThat(sweeper.keys()).doesNotHaveDuplicates().containsSubsequence(
                "BREACH:ACK#0", "ESCALATE:1", "WARN_50:ACK#1", "BREACH:ACK#1", "ESCALATE:2", "ESCALATE:3",
                "BREACH:RESOLVE#1");
        // an action of the earlier round that a stale sweep still holds changes nothing now
        TimerAction stale = new TimerAction.Breach(ClockKind.RESOLVE, 0, at("2026-03-03T10:00"));
        assertThat(TIMERS.apply(sweeper.state, stale)).isEqualTo(sweeper.state);
    }

    @Test
    void praiseOnlyHasAcknowledgeTimers() {
        SlaState praise = CLOCKS.start(Colour.BLUE, "PRAISE", SUBMITTED);
        assertThat(TIMERS.dueActions(praise, at("2026-06-01T00:00"))).extracting(TimerAction::key)
                .containsExactly("WARN_50:ACK#0", "WARN_75:ACK#0", "BREACH:ACK#0", "ESCALATE:1", "ESCALATE:2",
                        "ESCALATE:3");
        assertThat(TIMERS.nextTimerAt(CLOCKS.acknowledge(praise, at("2026-03-02T11:00")))).isNull();
    }

    @Test
    void anUnansweredAppealBreachesAndEscalates() {
        SlaState appealed = CLOCKS.openAppeal(CLOCKS.resolve(CLOCKS.start(Colour.YELLOW, null, SUBMITTED),
                at("2026-03-03T10:00")), at("2026-03-04T10:00"));
        assertThat(TIMERS.dueActions(appealed, at("2026-03-06T10:00"))).extracting(TimerAction::key)
                .containsExactly("WARN_50:APPEAL#0", "WARN_75:APPEAL#0", "BREACH:APPEAL#0", "ESCALATE:1");
    }
}
