package com.govfeedback.notify;

import java.time.Duration;
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

    /** How long a pending entry may wait for the stream to deliver it before the sweep re-drives it. */
    public static final Duration REDRIVE_AFTER = Duration.ofMinutes(3);
    /** The longest wait between two re-drives. */
    public static final Duration MAX_REDRIVE_WAIT = Duration.ofHours(1);

    /**
     * When the sweep re-drives this entry if it is still pending: {@link #REDRIVE_AFTER} after the attempt was due, the
     * wait doubling with every attempt already made, up to {@link #MAX_REDRIVE_WAIT}.
     */
    public Instant redriveAt() {
        Duration wait = REDRIVE_AFTER.multipliedBy(1L << Math.min(attempts, 20));
        return nextAttemptAt.plus(wait.compareTo(MAX_REDRIVE_WAIT) > 0 ? MAX_REDRIVE_WAIT : wait);
    }

    /**
     * The entry re-driven at {@code now}: one more attempt, due for delivery at once, so the notifier that receives the
     * rewritten item delivers it rather than waiting for a later time nobody would bring it back at.
     */
    public Notification redriven(Instant now) {
        return new Notification(id, event, feedbackId, recipient, params, createdAt, attempts + 1, now, State.PENDING);
    }

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
