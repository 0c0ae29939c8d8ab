package com.govfeedback.feedback;

import java.time.Instant;

import com.govfeedback.sla.SlaView;
import com.govfeedback.triage.TriageResult;

/**
 * A feedback as the API answers it: what was received, how it was triaged (without repeating the text), and
 * its clocks as they stand at the moment of the answer.
 */
public record FeedbackView(String id, String trackingNo, Status status, Instant receivedAt, String text, Channel channel,
        FeedbackContext context, TriageResult triage, SlaView sla, long version) {
}
