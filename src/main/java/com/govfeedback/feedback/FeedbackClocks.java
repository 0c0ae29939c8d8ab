package com.govfeedback.feedback;

import java.time.Instant;

import com.govfeedback.notify.Notification;
import com.govfeedback.sla.Colour;
import com.govfeedback.sla.SlaClocks;
import com.govfeedback.sla.SlaState;
import com.govfeedback.sla.SlaTimers;
import com.govfeedback.sla.SlaView;

/**
 * A feedback's SLA clocks: starting them from its triage, and keeping the two index times they imply (the
 * sweep's next timer point and the queue's nearest deadline) in step with every change of the clocks.
 */
public final class FeedbackClocks {
    private final SlaClocks clocks;
    private final SlaTimers timers;

    public FeedbackClocks(SlaClocks clocks, SlaTimers timers) {
        this.clocks = clocks;
        this.timers = timers;
    }

    /** The SLA clocks, for changes of a feedback's clock state (acknowledge, pause, resolve…). */
    public SlaClocks sla() {
        return clocks;
    }

    public SlaTimers timers() {
        return timers;
    }

    /** Both clocks start at submission, from the colour triage chose. */
    public Feedback started(Feedback f) {
        return withSla(f, clocks.start(f.triage().colour(), f.triage().type(), f.receivedAt()), f.receivedAt());
    }

    /** The feedback with new clocks and the index times they imply as of {@code at}; the version is unchanged. */
    public Feedback withSla(Feedback f, SlaState sla, Instant at) {
        return f.withSla(sla, nextTimerAt(f, sla), clocks.view(sla, at).nearestDueAt());
    }

    /** The index times recomputed after any change (new clocks, new or delivered notifications). Call before every write. */
    public Feedback reindexed(Feedback f, Instant at) {
        return withSla(f, f.sla(), at);
    }

    /**
     * When the next quarterly progress notice is due, while the feedback is DEFERRED; null otherwise (leaving DEFERRED
     * stops the notices).
     */
    public Instant nextDeferredNoticeAt(Feedback f) {
        CaseFile.Deferral deferral = f.caseFile().deferral();
        if (f.status() != Status.DEFERRED || deferral == null) {
            return null;
        }
        return timers.deferredNoticeAt(deferral.since(), deferral.noticesSent() + 1);
    }

    /** When an open 回访 follow-up falls overdue, until the sweep has told the department; null otherwise. */
    public static Instant followUpOverdueAt(Feedback f) {
        CaseFile.FollowUp followUp = f.caseFile().followUp();
        return followUp == null || !followUp.isOpen() || followUp.overdueNoticed() ? null : followUp.dueAt();
    }

    /**
     * When the sweep must next look at the item: the next SLA timer point, the next DEFERRED progress notice, an open
     * follow-up falling overdue, or the
     * re-drive time of a pending notification ({@link Notification#redriveAt()}: the stream should have delivered it by
     * then), whichever is first.
     */
    private Instant nextTimerAt(Feedback f, SlaState sla) {
        Instant next = earliest(earliest(timers.nextTimerAt(sla), nextDeferredNoticeAt(f)), followUpOverdueAt(f));
        for (Notification n : f.outbox()) {
            if (n.state() == Notification.State.PENDING) {
                next = earliest(next, n.redriveAt());
            }
        }
        return next;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    public SlaView view(Feedback f, Instant now) {
        return clocks.view(f.sla(), now);
    }

    /** The city's time zone, as the calendar file names it. */
    public java.time.ZoneId zone() {
        return clocks.zone();
    }
}
