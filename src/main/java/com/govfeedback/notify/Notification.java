package com.govfeedback.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One message to one recipient, written into the feedback item's outbox in the same conditional write as the change
 * it reports, so a change is never stored without its notification. The notifier delivers it and records the outcome.
 *
 * @param id            the event id: stable for the change and recipient, so a retried delivery is recognised
 *                      ({@code {feedbackId}:{what happened}:{recipient}})
 * @param event         what happened; selects the template
 * @param feedbackId    the feedback the change belongs to
 * @param recipient     who is told
 * @param params        the template's variables (never personal data beyond what the template shows)
 * @param createdAt     when the change happened
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when a retry is due; the sweep re-drives anything still pending after it
 * @param state         PENDING until delivered, DEAD after the last failed attempt
 */
public record Notification(String id, NotificationEvent event, String feedbackId, Recipient recipient, Map<String, String> params,
        Instant createdAt, int attempts, Instant nextAttemptAt, State state) {

    public enum State {
        PENDING, DELIVERED, DEAD
    }

    /** A new pending notification. */
    public static Notification pending(String eventKey, NotificationEvent event, String feedbackId, Recipient recipient,
            Map<String, String> params, Instant at) {
        return new Notification(feedbackId + ":" + eventKey + ":" + recipient.key(), event, feedbackId, recipient, Map.copyOf(params), at, 0,
                at, State.PENDING);
    }
}
