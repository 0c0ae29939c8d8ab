package com.govfeedback.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SLA facts of one feedback, as stored with it: colour, clocks, pauses and escalation. Immutable; every change
 * goes through {@link SlaClocks} (lifecycle transitions) or {@link SlaTimers} (sweep actions), which return a new
 * value. Due instants are not stored: they are derived from these facts, so they never disagree with them.
 *
 * @param feedbackType   the feedback type code (OUTAGE, PRAISE…), nullable; it selects per-type policy overrides
 * @param round          0 from submission, one more for each reopening; it is part of the clock action keys
 * @param roundBaseLevel the escalation level when this round began (reopening keeps the level)
 * @param clocks         ACKNOWLEDGE and RESOLVE always, APPEAL once the citizen has appealed in this round
 * @param pauses         every pause of the item, oldest first; only the last may be open
 */
public record SlaState(
        Colour colour,
        String feedbackType,
        Instant submittedAt,
        int round,
        int roundBaseLevel,
        int escalationLevel,
        List<Clock> clocks,
        List<Pause> pauses) {

    public SlaState {
        clocks = List.copyOf(clocks);
        pauses = List.copyOf(pauses);
    }

    /**
     * One clock. The window is copied from the policy when the clock starts (or on re-triage), so a later policy
     * edit never moves a deadline already promised.
     *
     * @param window         null when this clock has no deadline (PRAISE has no resolution deadline)
     * @param stoppedAt      null while running
     * @param warningsSent   how many of the policy's warning points have been applied by the sweep
     * @param breachRecorded true once the sweep has applied this clock's breach
     */
    public record Clock(ClockKind kind, Window window, Instant startedAt, Instant stoppedAt, int warningsSent,
            boolean breachRecorded) {

        static Clock started(ClockKind kind, Window window, Instant at) {
            return new Clock(kind, window, at, null, 0, false);
        }

        public boolean isRunning() {
            return stoppedAt == null;
        }

        Clock stoppedAt(Instant at) {
            return new Clock(kind, window, startedAt, at, warningsSent, breachRecorded);
        }

        Clock withWindow(Window newWindow) {
            return new Clock(kind, newWindow, startedAt, stoppedAt, warningsSent, breachRecorded);
        }

        Clock withWarningsSent(int count) {
            return new Clock(kind, window, startedAt, stoppedAt, count, breachRecorded);
        }

        Clock withBreachRecorded() {
            return new Clock(kind, window, startedAt, stoppedAt, warningsSent, true);
        }
    }

    /** A wait for the citizen (待补充). {@code until} is null while it lasts. */
    public record Pause(String reason, Instant from, Instant until) {
        public boolean isOpen() {
            return until == null;
        }
    }

    public Optional<Clock> clock(ClockKind kind) {
        return clocks.stream().filter(clock -> clock.kind() == kind).findFirst();
    }

    /** When the current round began: submission, or the last reopening. */
    public Instant roundStartedAt() {
        return clock(ClockKind.RESOLVE).orElseThrow().startedAt();
    }

    /** The pause still waiting for a resume, if any (it may already have run into the cap). */
    public Optional<Pause> openPause() {
        return pauses.isEmpty() || !pauses.get(pauses.size() - 1).isOpen() ? Optional.empty()
                : Optional.of(pauses.get(pauses.size() - 1));
    }

    SlaState withClock(Clock changed) {
        List<Clock> next = new ArrayList<>(clocks);
        next.removeIf(clock -> clock.kind() == changed.kind());
        next.add(changed);
        next.sort((a, b) -> a.kind().compareTo(b.kind()));
        return new SlaState(colour, feedbackType, submittedAt, round, roundBaseLevel, escalationLevel, next, pauses);
    }

    SlaState withPauses(List<Pause> next) {
        return new SlaState(colour, feedbackType, submittedAt, round, roundBaseLevel, escalationLevel, clocks, next);
    }

    SlaState withColour(Colour next) {
        return new SlaState(next, feedbackType, submittedAt, round, roundBaseLevel, escalationLevel, clocks, pauses);
    }

    SlaState withEscalationLevel(int level) {
        return new SlaState(colour, feedbackType, submittedAt, round, roundBaseLevel, level, clocks, pauses);
    }

    SlaState withNewRound(List<Clock> roundClocks) {
        return new SlaState(colour, feedbackType, submittedAt, round + 1, escalationLevel, escalationLevel,
                roundClocks, pauses);
    }
}
