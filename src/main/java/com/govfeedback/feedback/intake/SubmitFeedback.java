package com.govfeedback.feedback.intake;

import com.govfeedback.feedback.FeedbackContext;

/**
 * A citizen's submission as it arrives, before validation; plain strings so that a bad value is
 * reported field by field instead of failing the whole parse.
 *
 * @param clientRequestId the idempotency key the app generates once per submission and reuses on retry
 */
public record SubmitFeedback(String clientRequestId, String text, String channel, FeedbackContext context) {
}
