package com.govfeedback.notify;

import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.feedback.FeedbackKeys;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notifier's writes. Delivery markers {@code PK = NOTIFICATION#{id}, SK = DELIVERY} (with a TTL) remember what was
 * sent, so a duplicate stream record or a re-drive never sends twice; an outbox entry's outcome is recorded on the feedback
 * item with a conditional UpdateItem on that entry's id, state and attempts (never a whole-item write, and the item's
 * version is left alone so staff requests do not see the notifier as a competing change).
 */
public final class DeliveryStore {
    /** Longer than any stream retention (24 h) and any re-drive: after that a repeat is impossible. */
    static final Duration MARKER_LIFETIME = Duration.ofDays(30);
    static final String MARKER_SORT_KEY = "DELIVERY";

    private final DynamoDbClient dynamo;
    private final String table;

    public DeliveryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What recording an outcome found. */
    public enum Recorded {
        /** this call wrote it */
        RECORDED,
        /** the entry had already left PENDING at these attempts, or left the item: someone recorded it first */
        ALREADY
    }

    public boolean delivered(String notificationId) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(markerKey(notificationId))
                .consistentRead(true))).item();
        return item != null && !item.isEmpty();
    }

    /**
     * Remembers a successful send; a marker already there (a raced duplicate) is fine. An UpdateItem that creates the
     * marker, so the notifier needs no PutItem permission.
     */
    public void markDelivered(Notification n, String channel, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":entity", s("NOTIFICATION"));
        values.put(":feedbackId", s(n.feedbackId()));
        values.put(":channel", s(channel));
        values.put(":at", s(at.toString()));
        values.put(":expires", n(at.plus(MARKER_LIFETIME).getEpochSecond()));
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(markerKey(n.id()))
                    .updateExpression("SET #entity = :entity, feedbackId = :feedbackId, channel = :channel, deliveredAt = :at, #ttl = :expires")
                    .conditionExpression("attribute_not_exists(" + TableSchema.PK + ")")
                    .expressionAttributeNames(Map.of("#entity", TableSchema.ENTITY, "#ttl", TableSchema.TTL))
                    .expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException alreadyMarked) {
            // delivered by an earlier attempt of the same record: nothing to add
        }
    }

    /**
     * Writes {@code outcome} (a new state, attempts and next attempt) over the outbox entry with the same id, provided
     * that entry is still PENDING at {@code outcome.attempts()} or one less. {@code indexHint} is the entry's position in
     * the image read; when the list has moved since, the item is read again to find it.
     */
    public Recorded record(Notification outcome, int indexHint, int attemptsRead) {
        int index = indexHint;
        for (int round = 0; round < 3; round++) {
            if (index < 0) {
                return Recorded.ALREADY;
            }
            try {
                update(outcome, index, attemptsRead);
                return Recorded.RECORDED;
            } catch (ConditionalCheckFailedException moved) {
                index = currentIndex(outcome.feedbackId(), outcome.id(), attemptsRead);
            }
        }
        throw new IllegalStateException("the outbox of " + outcome.feedbackId() + " kept moving while recording " + outcome.id());
    }

    private void update(Notification outcome, int index, int attemptsRead) {
        String entry = "#outbox[" + index + "]";
        Map<String, String> names = Map.of("#outbox", "outbox", "#id", "id", "#state", "state", "#attempts", "attempts",
                "#next", "nextAttemptAt");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", s(outcome.id()));
        values.put(":pending", s(Notification.State.PENDING.name()));
        values.put(":read", n(attemptsRead));
        values.put(":state", s(outcome.state().name()));
        values.put(":attempts", n(outcome.attempts()));
        values.put(":next", s(outcome.nextAttemptAt().toString()));
        StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(FeedbackKeys.key(outcome.feedbackId()))
                .updateExpression("SET " + entry + ".#state = :state, " + entry + ".#attempts = :attempts, " + entry + ".#next = :next")
                .conditionExpression(entry + ".#id = :id AND " + entry + ".#state = :pending AND " + entry + ".#attempts = :read")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)));
    }

    /** Where the entry is now, or -1 when it is gone, no longer pending, or already counted past {@code attemptsRead}. */
    private int currentIndex(String feedbackId, String notificationId, int attemptsRead) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(FeedbackKeys.key(feedbackId))
                .consistentRead(true))).item();
        List<Notification> outbox = item == null ? List.of() : NotificationAttributes.fromAttribute(item.get("outbox"));
        for (int i = 0; i < outbox.size(); i++) {
            Notification n = outbox.get(i);
            if (n.id().equals(notificationId)) {
                return n.state() == Notification.State.PENDING && n.attempts() == attemptsRead ? i : -1;
            }
        }
        return -1;
    }

    static Map<String, AttributeValue> markerKey(String notificationId) {
        return Map.of(TableSchema.PK, s("NOTIFICATION#" + notificationId), TableSchema.SK, s(MARKER_SORT_KEY));
    }
}
