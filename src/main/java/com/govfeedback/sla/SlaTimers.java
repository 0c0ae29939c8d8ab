package com.govfeedback.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.govfeedback.sla.DeadlineCalculator.Interval;
import com.govfeedback.sla.SlaState.Clock;

/**
 * The sweep's pure decisions: which timer actions an item owes at a moment, how applying one changes its state,
 * and when its next timer point comes. Actions are derived from the state's facts and what it records as already
 * applied, so a sweep that ran late gets every missed action, in order, once; applying an action removes it.
 *
 * <p>Escalation: an item is overdue while a clock is past due and not stopped. When it becomes overdue it rises one
 * level; while it stays overdue it rises one more level every {@code escalateEvery} of its colour (paused time does
 * not count), up to the top of the chain. A second clock breaching while the item is already overdue is marked and
 * notified but adds no extra level.
 */
public class SlaTimers {
    private static final Comparator<TimerAction> ORDER = Comparator.comparing(TimerAction::at)
            .thenComparingInt(SlaTimers::kindOrder)
            .thenComparing(TimerAction::key);

    private final SlaPolicy policy;
    private final SlaClocks clocks;
    private final DeadlineCalculator calculator;

    public SlaTimers(SlaPolicy policy, SlaClocks clocks, DeadlineCalculator calculator) {
        this.policy = policy;
        this.clocks = clocks;
        this.calculator = calculator;
    }

    /** The actions whose timer point is at or before {@code now} and that the state has not applied, in order. */
    public List<TimerAction> dueActions(SlaState state, Instant now) {
        return pending(state).stream().filter(action -> !action.at().isAfter(now)).toList();
    }

    /** The earliest timer point still to come; null when none remains (the item leaves the due index). */
    public Instant nextTimerAt(SlaState state) {
        List<TimerAction> pending = pending(state);
        return pending.isEmpty() ? null : pending.get(0).at();
    }

    /**
     * When the {@code n}-th progress notice (from 1) is due for a feedback DEFERRED at {@code since}: n times
     * {@code deferredNoticeEveryMonths} calendar months later, each counted from {@code since} so the day does not drift.
     */
    public Instant deferredNoticeAt(Instant since, int n) {
        return calculator.plusMonths(since, (long) n * policy.deferredNoticeEveryMonths());
    }

    /**
     * The state with {@code action} applied: a warning counted, a breach recorded, or the level raised. Applying an
     * action twice, or one from an earlier round, returns the state unchanged.
     */
    public SlaState apply(SlaState state, TimerAction action) {
        return switch (action) {
            case TimerAction.Warning warning -> roundClock(state, warning.round(), warning.clock())
                    .filter(clock -> clock.warningsSent() <= warning.index())
                    .map(clock -> state.withClock(clock.withWarningsSent(warning.index() + 1)))
                    .orElse(state);
            case TimerAction.Breach breach -> roundClock(state, breach.round(), breach.clock())
                    .filter(clock -> !clock.breachRecorded())
                    .map(clock -> state.withClock(clock.withBreachRecorded()))
                    .orElse(state);
            case TimerAction.Escalation escalation -> escalation.level() > state.escalationLevel()
                    ? state.withEscalationLevel(escalation.level()) : state;
        };
    }

    /** Every action the state still owes, at any time, in order. */
    List<TimerAction> pending(SlaState state) {
        List<Interval> paused = clocks.effectivePauses(state);
        List<TimerAction> actions = new ArrayList<>();
        List<Interval> overdue = new ArrayList<>();
        for (Clock clock : state.clocks()) {
            Optional<Deadline> due = clocks.dueAt(clock, paused);
            if (due.isEmpty()) {
                continue;
            }
            if (clock.isRunning()) {
                List<Double> fractions = policy.warningFractions();
                for (int i = clock.warningsSent(); i < fractions.size(); i++) {
                    Instant at = clocks.pointAt(clock, fractions.get(i), paused).orElseThrow().at();
                    actions.add(new TimerAction.Warning(clock.kind(), state.round(), i,
                            (int) Math.round(fractions.get(i) * 100), at));
                }
            }
            Instant dueAt = due.get().at();
            if (clock.isRunning() || clock.stoppedAt().isAfter(dueAt)) {
                if (!clock.breachRecorded()) {
                    actions.add(new TimerAction.Breach(clock.kind(), state.round(), dueAt));
                }
                overdue.add(new Interval(dueAt, clock.isRunning() ? Instant.MAX : clock.stoppedAt()));
            }
        }
        List<Instant> steps = escalationSteps(state, overdue, paused);
        for (int i = 0; i < steps.size(); i++) {
            int level = state.roundBaseLevel() + i + 1;
            if (level > state.escalationLevel()) {
                actions.add(new TimerAction.Escalation(level, policy.escalationChain().get(level).code(), steps.get(i)));
            }
        }
        actions.sort(ORDER);
        return actions;
    }

    /**
     * The instants at which this round's escalation levels are reached: the start of each overdue spell, then one
     * {@code escalateEvery} of un-paused overdue time after another while the spell lasts, until the chain's top.
     */
    private List<Instant> escalationSteps(SlaState state, List<Interval> overdue, List<Interval> paused) {
        int maxSteps = policy.topEscalationLevel() - state.roundBaseLevel();
        Window every = policy.colour(state.colour()).escalateEvery();
        List<Instant> steps = new ArrayList<>();
        for (Interval spell : merged(overdue)) {
            for (long k = 0; steps.size() < maxSteps; k++) {
                Instant at = k == 0 ? spell.from() : calculator.advance(spell.from(), every, k, paused);
                if (!at.isBefore(spell.until())) {
                    break;
                }
                steps.add(at);
            }
        }
        return steps;
    }

    /** Overlapping or touching intervals joined into spells, in time order. */
    private static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::from));
        List<Interval> spells = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = spells.isEmpty() ? null : spells.get(spells.size() - 1);
            if (last != null && !next.from().isAfter(last.until())) {
                spells.set(spells.size() - 1,
                        new Interval(last.from(), next.until().isAfter(last.until()) ? next.until() : last.until()));
            } else {
                spells.add(next);
            }
        }
        return spells;
    }

    private static Optional<Clock> roundClock(SlaState state, int round, ClockKind kind) {
        return round == state.round() ? state.clock(kind) : Optional.empty();
    }

    private static int kindOrder(TimerAction action) {
        return switch (action) {
            case TimerAction.Warning warning -> 0;
            case TimerAction.Breach breach -> 1;
            case TimerAction.Escalation escalation -> 2;
        };
    }
}
