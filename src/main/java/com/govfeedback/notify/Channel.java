package com.govfeedback.notify;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.govfeedback.shared.Json;

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

        /** The message as the remote channels send it: {@code {id, event, feedbackId, title, body, at, recipient: {kind, id}}}. */
        public String toJson() {
            ObjectNode json = Json.mapper().createObjectNode()
                    .put("id", id)
                    .put("event", event.name())
                    .put("feedbackId", feedbackId)
                    .put("title", title)
                    .put("body", body)
                    .put("at", at.toString());
            json.putObject("recipient").put("kind", recipient.kind().name()).put("id", recipient.id());
            try {
                return Json.mapper().writeValueAsString(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings always serialises", e);
            }
        }
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
