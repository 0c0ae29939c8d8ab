package com.govfeedback.sla;

import java.time.Instant;

/**
 * What the API shows about an item's SLA at a given moment: each clock's due instant and status, and the current
 * escalation level with its chain code and name.
 *
 * @param appeal        null until the citizen appeals in the current round
 * @param nearestDueAt  the earliest due instant of a running clock (the work-queue sort key), null when none
 * @param calendarKnown false when a working-day deadline ran past the last calendar year on file
 */
public record SlaView(
        Colour colour,
        ClockView acknowledge,
        ClockView resolve,
        ClockView appeal,
        int escalationLevel,
        String escalationCode,
        String escalationName,
        Instant nearestDueAt,
        boolean calendarKnown) {

    /** MET: stopped (possibly late, see {@code breached}); PAUSED: waiting for the citizen; OPEN: running, not due. */
    public enum Status {
        OPEN,
        PAUSED,
        MET,
        OVERDUE
    }

    /**
     * @param dueAt    null when the clock has no deadline
     * @param breached true when the due instant passed before the clock stopped (an overdue or late-met clock)
     */
    public record ClockView(Instant dueAt, Status status, boolean breached, Instant stoppedAt) {
    }
}
