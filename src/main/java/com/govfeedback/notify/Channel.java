package com.govfeedback.notify;

import java.time.Instant;

/**
 * Where notifications go: SNS in the cloud, a signed webhook, or the local file sink. A channel receives the
 * notification id as an idempotency key, so a receiver can drop the rare repeat (a crash between a send and its record).
 */
public interface Channel {

    /** A short name written beside each delivery (sns, webhook, local-file). */
    String name();

    /** Sends one message; throws {@link ChannelException} when it was not accepted (the caller retries). */
    void send(Outgoing message);

    /** One rendered notification on its way. {@code id} is the idempotency key. */
    record Outgoing(String id, NotificationEvent event, String feedbackId, Recipient recipient, String title, String body, Instant at) {
    }

    /** Thrown when a channel did not accept a message; the delivery is retried, then marked dead. */
    final class ChannelException extends RuntimeException {
        public ChannelException(String message, Throwable cause) {
            super(message, cause);
        }

        public ChannelException(String message) {
            super(message);
        }
    }
}
