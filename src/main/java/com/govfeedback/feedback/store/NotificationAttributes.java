package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.storage.Attributes;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The outbox as a DynamoDB list attribute of maps on the feedback item; also read from stream images by the notifier. */
public final class NotificationAttributes {
    private NotificationAttributes() {
    }

    public static AttributeValue toAttribute(List<Notification> outbox) {
        return AttributeValue.fromL(outbox.stream().map(NotificationAttributes::toMap).map(AttributeValue::fromM).toList());
    }

    public static List<Notification> fromAttribute(AttributeValue value) {
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(v -> fromMap(v.m())).toList();
    }

    static Map<String, AttributeValue> toMap(Notification n) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(n.id()));
        m.put("event", s(n.event().name()));
        m.put("feedbackId", s(n.feedbackId()));
        m.put("recipientKind", s(n.recipient().kind().name()));
        m.put("recipient", s(n.recipient().id()));
        Map<String, AttributeValue> params = new HashMap<>();
        n.params().forEach((k, v) -> params.put(k, s(v)));
        m.put("params", AttributeValue.fromM(params));
        m.put("createdAt", instant(n.createdAt()));
        m.put("attempts", n(n.attempts()));
        m.put("nextAttemptAt", instant(n.nextAttemptAt()));
        m.put("state", s(n.state().name()));
        return m;
    }

    static Notification fromMap(Map<String, AttributeValue> m) {
        Map<String, String> params = new HashMap<>();
        Attributes.map(m, "params").forEach((k, v) -> params.put(k, v.s()));
        return new Notification(string(m, "id"), NotificationEvent.valueOf(string(m, "event")), string(m, "feedbackId"),
                new Recipient(Recipient.Kind.valueOf(string(m, "recipientKind")), string(m, "recipient")), Map.copyOf(params),
                Attributes.instant(m, "createdAt"), (int) Attributes.number(m, "attempts"), Attributes.instant(m, "nextAttemptAt"),
                Notification.State.valueOf(string(m, "state")));
    }
}
