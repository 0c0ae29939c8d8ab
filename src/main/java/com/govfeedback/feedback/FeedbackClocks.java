package com.govfeedback.feedback;

import java.time.Instant;

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

    public SlaClocks clocks() {
        return clocks;
    }

    public SlaTimers timers() {
        return timers;
    }

    /** Both clocks start at submission, from the colour triage chose. */
    public Feedback started(Feedback f) {
        return withSla(f, clocks.start(Colour.valueOf(f.triage().colour()), f.triage().type(), f.receivedAt()), f.receivedAt());
    }

    /** The feedback with new clocks and the index times they imply as of {@code at}; the version is unchanged. */
    public Feedback withSla(Feedback f, SlaState sla, Instant at) {
        return new Feedback(f.id(), f.trackingNo(), f.citizen(), f.status(), f.receivedAt(), f.text(), f.channel(), f.context(),
                f.triage(), sla, timers.nextTimerAt(sla), clocks.view(sla, at).nearestDueAt(), f.outbox(), f.version());
    }

    public SlaView view(Feedback f, Instant now) {
        return clocks.view(f.sla(), now);
    }
}
