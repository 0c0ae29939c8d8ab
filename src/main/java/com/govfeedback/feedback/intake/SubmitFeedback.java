package com.govfeedback.feedback.intake;

import com.govfeedback.feedback.FeedbackContext;

/**
 * A citizen's submission as it arrives, before validation; plain strings so that a bad value is
 * reported field by field instead of failing the whole parse.
 *
 * @param clientRequestId the idempotency key the app generates once per submission and reuses on retry
 * @param contactPhone    optional: a number the department may call back on; stored only encrypted, shown masked
 */
public record SubmitFeedback(String clientRequestId, String text, String channel, FeedbackContext context, String contactPhone) {
    /** A submission without a callback phone. */
    public SubmitFeedback(String clientRequestId, String text, String channel, FeedbackContext context) {
        this(clientRequestId, text, channel, context, null);
    }
}
