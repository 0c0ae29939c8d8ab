package com.govfeedback.feedback;

import java.time.Instant;

import com.govfeedback.sla.SlaView;
import com.govfeedback.triage.TriageResult;

/**
 * A feedback as the API answers it: what was received, how it was triaged (without repeating the text), its
 * clocks as they stand at the moment of the answer, and how many feedback report the same thing.
 */
public record FeedbackView(String id, String trackingNo, Status status, Instant receivedAt, String text, Channel channel,
        FeedbackContext context, TriageResult triage, SlaView sla, SimilarView similar, long version) {

    /** The near-duplicate cluster: its id and size, counting this feedback ("me too"). */
    public record SimilarView(String clusterId, int members) {
    }
}
