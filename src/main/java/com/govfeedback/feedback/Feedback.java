package com.govfeedback.feedback;

import java.time.Instant;

/**
 * One stored feedback.
 *
 * @param id         unguessable and sortable by time ({@link com.govfeedback.shared.Ids})
 * @param trackingNo a short number a citizen can read out on the phone
 * @param citizen    the submitting citizen's subject
 * @param text       the feedback text, personal data masked
 * @param version    incremented by every change; updates name the version they read
 */
public record Feedback(String id, String trackingNo, String citizen, Status status, Instant receivedAt, String text,
        Channel channel, FeedbackContext context, long version) {
}
