package com.govfeedback.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.DeadlineCalculator.Interval;
import com.govfeedback.sla.SlaState.Clock;
import com.govfeedback.sla.SlaState.Pause;

/**
 * The lifecycle's transitions on an item's {@link SlaState}, and the view the API shows. Pure: each method returns a
 * new state and touches no storage. Refusals are {@link ConflictException} (409: the state does not allow it),
 * {@link ForbiddenException} (403: the caller's role does not) and {@link ValidationException} (422).
 */
public class SlaClocks {
    private final SlaPolicy policy;
    private final DeadlineCalculator calculator;

    public SlaClocks(SlaPolicy policy, DeadlineCalculator calculator) {
        this.policy = policy;
        this.calculator = calculator;
    }

    /** The clocks of a new feedback: acknowledge and resolve both start at submission. */
    public SlaState start(Colour colour, String feedbackType, Instant submittedAt) {
        return new SlaState(colour, feedbackType, submittedAt, 0, 0, 0,
                roundClocks(colour, feedbackType, submittedAt), List.of());
    }

    /** The first staff response stops the acknowledge clock; later responses change nothing. */
    public SlaState acknowledge(SlaState state, Instant at) {
        Clock clock = state.clock(ClockKind.ACKNOWLEDGE).orElseThrow();
        if (!clock.isRunning()) {
            return state;
        }
        requireNotBefore(at, state.roundStartedAt(), "the round started");
        return state.withClock(clock.stoppedAt(at));
    }

    /**
     * Stops the running clocks while the item waits for the citizen (待补充); call it only on that transition. The
     * pause is recorded with its reason. Refused when already paused, when no clock runs, or when this round's pause
     * cap ({@link SlaPolicy#maxTotalPause()}) is used up; a pause that reaches the cap ends there by itself.
     */
    public SlaState pause(SlaState state, String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "a pause needs a reason the citizen can read");
        }
        if (state.openPause().isPresent()) {
            throw new ConflictException("the clocks are already paused since " + state.openPause().get().from());
        }
        boolean anyRunning = state.clocks().stream()
                .anyMatch(clock -> clock.kind() != ClockKind.APPEAL && clock.isRunning());
        if (!anyRunning) {
            throw new ConflictException("no acknowledge or resolve clock is running, so there is nothing to pause");
        }
        requireNotBefore(at, state.roundStartedAt(), "the round started");
        state.pauses().stream().reduce((first, second) -> second)
                .ifPresent(last -> requireNotBefore(at, last.until(), "the last pause ended"));
        Duration used = effectivePauses(state).stream()
                .map(pause -> Duration.between(pause.from(), pause.until()))
                .reduce(Duration.ZERO, Duration::plus);
        if (used.compareTo(policy.maxTotalPause()) >= 0) {
            throw new ConflictException("the pause cap of " + policy.maxTotalPause().toDays()
                    + " days for this round is used up");
        }
        List<Pause> pauses = new ArrayList<>(state.pauses());
        pauses.add(new Pause(reason, at, null));
        return state.withPauses(pauses);
    }

    /** The citizen answered: the clocks run again, their deadlines moved by the pause (at most up to the cap). */
    public SlaState resume(SlaState state, Instant at) {
        Pause open = state.openPause()
                .orElseThrow(() -> new ConflictException("the clocks are not paused"));
        requireNotBefore(at, open.from(), "the pause began");
        return state.withPauses(closeLast(state.pauses(), at));
    }

    /** A transfer to another department neither resets nor extends a clock: the state is returned unchanged. */
    public SlaState transfer(SlaState state) {
        return state;
    }

    /**
     * A new colour for the item. The running clocks of this round take the new colour's windows, still counted
     * from the round's start (submission), so a more urgent colour can make a clock due, even overdue, at once.
     * Stopped clocks keep the windows they were judged by. A less urgent colour needs a supervisor: otherwise
     * {@link ForbiddenException} (403). Warnings, breaches and escalation already applied stay applied.
     */
    public SlaState retriage(SlaState state, Colour newColour, boolean callerIsSupervisor) {
        if (newColour == state.colour()) {
            return state;
        }
        if (state.colour().isMoreUrgentThan(newColour) && !callerIsSupervisor) {
            throw new ForbiddenException("only a supervisor may lower the urgency from " + state.colour()
                    + " to " + newColour);
        }
        SlaState next = state.withColour(newColour);
        for (ClockKind kind : List.of(ClockKind.ACKNOWLEDGE, ClockKind.RESOLVE)) {
            Clock clock = next.clock(kind).orElseThrow();
            if (clock.isRunning()) {
                next = next.withClock(clock.withWindow(policy.window(kind, newColour, state.feedbackType()).orElse(null)));
            }
        }
        return next;
    }

    /** Resolution stops the resolve clock, the acknowledge clock if still running (it is a response) and any pause. */
    public SlaState resolve(SlaState state, Instant at) {
        Clock resolve = state.clock(ClockKind.RESOLVE).orElseThrow();
        if (!resolve.isRunning()) {
            throw new ConflictException("already resolved at " + resolve.stoppedAt());
        }
        requireNotBefore(at, state.roundStartedAt(), "the round started");
        SlaState next = state.openPause().isPresent() ? state.withPauses(closeLast(state.pauses(), at)) : state;
        Clock acknowledge = next.clock(ClockKind.ACKNOWLEDGE).orElseThrow();
        if (acknowledge.isRunning()) {
            next = next.withClock(acknowledge.stoppedAt(at));
        }
        return next.withClock(resolve.stoppedAt(at));
    }

    /** The citizen appeals a resolution or rejection: the appeal clock starts (one appeal per round). */
    public SlaState openAppeal(SlaState state, Instant at) {
        if (state.clock(ClockKind.RESOLVE).orElseThrow().isRunning()) {
            throw new ConflictException("only a resolved or rejected feedback can be appealed");
        }
        if (state.clock(ClockKind.APPEAL).isPresent()) {
            throw new ConflictException("this feedback was already appealed since it was last resolved");
        }
        requireNotBefore(at, state.clock(ClockKind.RESOLVE).orElseThrow().stoppedAt(), "the resolution");
        return state.withClock(Clock.started(ClockKind.APPEAL, policy.appealAnswer(), at));
    }

    /** A supervisor decided the appeal: its clock stops. To reopen, call {@link #reopen} instead. */
    public SlaState decideAppeal(SlaState state, Instant at) {
        Clock appeal = state.clock(ClockKind.APPEAL).filter(Clock::isRunning)
                .orElseThrow(() -> new ConflictException("there is no appeal waiting for a decision"));
        requireNotBefore(at, appeal.startedAt(), "the appeal");
        return state.withClock(appeal.stoppedAt(at));
    }

    /**
     * Reopening (accepted appeal or a "not fixed" rating) starts a new round: fresh acknowledge and resolve clocks
     * from {@code at} with the current colour's windows, a fresh pause allowance, and the escalation level kept.
     */
    public SlaState reopen(SlaState state, Instant at) {
        Clock resolve = state.clock(ClockKind.RESOLVE).orElseThrow();
        if (resolve.isRunning()) {
            throw new ConflictException("only a resolved feedback can be reopened");
        }
        requireNotBefore(at, resolve.stoppedAt(), "the resolution");
        return state.withNewRound(roundClocks(state.colour(), state.feedbackType(), at));
    }

    /** Each clock's due instant and status at {@code now}, and the escalation level. */
    public SlaView view(SlaState state, Instant now) {
        List<Interval> paused = effectivePauses(state);
        SlaView.ClockView acknowledge = clockView(state, ClockKind.ACKNOWLEDGE, paused, now);
        SlaView.ClockView resolve = clockView(state, ClockKind.RESOLVE, paused, now);
        SlaView.ClockView appeal = state.clock(ClockKind.APPEAL).isPresent()
                ? clockView(state, ClockKind.APPEAL, paused, now) : null;
        Instant nearest = null;
        boolean known = true;
        for (Clock clock : state.clocks()) {
            Optional<Deadline> due = dueAt(clock, paused);
            if (due.isPresent()) {
                known &= due.get().calendarKnown();
                if (clock.isRunning() && (nearest == null || due.get().at().isBefore(nearest))) {
                    nearest = due.get().at();
                }
            }
        }
        SlaPolicy.ChainLevel level = policy.escalationChain().get(state.escalationLevel());
        return new SlaView(state.colour(), acknowledge, resolve, appeal, state.escalationLevel(), level.code(),
                level.name(), nearest, known);
    }

    private SlaView.ClockView clockView(SlaState state, ClockKind kind, List<Interval> paused, Instant now) {
        Clock clock = state.clock(kind).orElseThrow();
        Instant due = dueAt(clock, paused).map(Deadline::at).orElse(null);
        boolean stopped = clock.stoppedAt() != null && !clock.stoppedAt().isAfter(now);
        Instant judgedAt = stopped ? clock.stoppedAt() : now;
        boolean breached = due != null && (stopped ? judgedAt.isAfter(due) : !judgedAt.isBefore(due));
        SlaView.Status status;
        if (stopped) {
            status = SlaView.Status.MET;
        } else if (paused.stream().anyMatch(p -> !p.from().isAfter(now) && p.until().isAfter(now))) {
            status = SlaView.Status.PAUSED;
        } else {
            status = breached ? SlaView.Status.OVERDUE : SlaView.Status.OPEN;
        }
        return new SlaView.ClockView(due, status, breached, stopped ? clock.stoppedAt() : null);
    }

    /**
     * The clock's due instant given the pauses that applied to it: those of the clock's lifetime, never later than
     * its stop, so a stopped clock's deadline no longer moves. Empty when the clock has no deadline.
     */
    Optional<Deadline> dueAt(Clock clock, List<Interval> roundPauses) {
        return pointAt(clock, 1.0, roundPauses);
    }

    /** The instant at which {@code fraction} of the clock's window has run. */
    Optional<Deadline> pointAt(Clock clock, double fraction, List<Interval> roundPauses) {
        if (clock.window() == null) {
            return Optional.empty();
        }
        return Optional.of(calculator.pointAt(clock.startedAt(), clock.window(), fraction,
                clippedTo(roundPauses, clock)));
    }

    /**
     * This round's pauses as they take effect: in order, each cut short where the round's total reaches the cap;
     * an open pause lasts until the cap (the latest it can end without a resume).
     */
    List<Interval> effectivePauses(SlaState state) {
        List<Interval> effective = new ArrayList<>();
        Duration left = policy.maxTotalPause();
        for (Pause pause : roundPauses(state)) {
            Instant capEnd = pause.from().plus(left);
            Instant until = pause.isOpen() || pause.until().isAfter(capEnd) ? capEnd : pause.until();
            if (until.isAfter(pause.from())) {
                effective.add(new Interval(pause.from(), until));
                left = left.minus(Duration.between(pause.from(), until));
            }
        }
        return effective;
    }

    private List<Clock> roundClocks(Colour colour, String feedbackType, Instant at) {
        return List.of(
                Clock.started(ClockKind.ACKNOWLEDGE, policy.window(ClockKind.ACKNOWLEDGE, colour, feedbackType).orElse(null), at),
                Clock.started(ClockKind.RESOLVE, policy.window(ClockKind.RESOLVE, colour, feedbackType).orElse(null), at));
    }

    private static List<Pause> roundPauses(SlaState state) {
        Instant roundStart = state.roundStartedAt();
        return state.pauses().stream().filter(pause -> !pause.from().isBefore(roundStart)).toList();
    }

    private static List<Interval> clippedTo(List<Interval> pauses, Clock clock) {
        List<Interval> clipped = new ArrayList<>();
        for (Interval pause : pauses) {
            if (clock.stoppedAt() != null && !pause.from().isBefore(clock.stoppedAt())) {
                break;
            }
            Instant until = clock.stoppedAt() != null && pause.until().isAfter(clock.stoppedAt())
                    ? clock.stoppedAt() : pause.until();
            clipped.add(new Interval(pause.from(), until));
        }
        return clipped;
    }

    private static List<Pause> closeLast(List<Pause> pauses, Instant at) {
        List<Pause> next = new ArrayList<>(pauses);
        Pause open = next.remove(next.size() - 1);
        next.add(new Pause(open.reason(), open.from(), at));
        return next;
    }

    private static void requireNotBefore(Instant at, Instant earliest, String what) {
        if (at.isBefore(earliest)) {
            throw new ValidationException("at", at + " is before " + what + " (" + earliest + ")");
        }
    }

    /** The city's time zone, as the calendar file names it: local days and times are read in it. */
    public java.time.ZoneId zone() {
        return calculator.zone();
    }
}
