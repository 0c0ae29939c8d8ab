package com.govfeedback.improvement.store;

import java.time.Instant;

/**
 * A feedback linked to an improvement, as its link item keeps it: who to tell, and the facts priority counts. The facts
 * are a snapshot taken when linked and refreshed when the case changes (a rating arrives). {@code consentedName} is
 * set only when the citizen agreed to be named as a contributor.
 */
public record LinkRecord(String feedbackId, String citizen, String clusterId, long clusterSize, String colour, boolean negative,
        Integer ratingScore, Instant submittedAt, Instant linkedAt, String consentedName) {
}
