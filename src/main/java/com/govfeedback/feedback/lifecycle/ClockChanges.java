package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.Status.AWAITING_CITIZEN;
import static com.govfeedback.feedback.Status.DEFERRED;
import static com.govfeedback.feedback.Status.REOPENED;

import java.time.Instant;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.sla.SlaClocks;
import com.govfeedback.sla.SlaState;

/** What a move of the state machine does to the clocks. */
final class ClockChanges {
    private ClockChanges() {
    }

    /** Any staff move is a response; waiting pauses; deciding stops; leaving DEFERRED or reopening starts a round. */
    static SlaState afterMove(SlaClocks clocks, Feedback f, Status to, String reason, Instant now) {
        SlaState sla = f.sla();
        if (f.status() == AWAITING_CITIZEN && !StateMachine.DECIDED.contains(to) && sla.openPause().isPresent()) {
            sla = clocks.resume(sla, now);
        }
        if (f.status() == DEFERRED || to == REOPENED) {
            sla = clocks.reopen(sla, now);
        }
        sla = clocks.acknowledge(sla, now);
        if (to == AWAITING_CITIZEN) {
            sla = clocks.pause(sla, reason, now);
        }
        if (StateMachine.DECIDED.contains(to) && sla.clock(ClockKind.RESOLVE).orElseThrow().isRunning()) {
            sla = clocks.resolve(sla, now);
        }
        return sla;
    }
}
