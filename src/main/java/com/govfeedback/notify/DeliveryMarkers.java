package com.govfeedback.notify;

import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notifier's own items: delivery markers {@code PK = NOTIFICATION#{id}, SK = DELIVERY} (with a TTL) remember what was
 * sent, so a duplicate stream record or a re-drive never sends twice. Outcomes are recorded where the entry lives,
 * through {@link OutboxStore}.
 */
public final class DeliveryMarkers {
    /** Longer than any stream retention (24 h) and any re-drive: after that a repeat is impossible. */
    static final Duration MARKER_LIFETIME = Duration.ofDays(30);
    static final String MARKER_SORT_KEY = "DELIVERY";

    private final DynamoDbClient dynamo;
    private final String table;

    public DeliveryMarkers(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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

    static Map<String, AttributeValue> markerKey(String notificationId) {
        return Map.of(TableSchema.PK, s("NOTIFICATION#" + notificationId), TableSchema.SK, s(MARKER_SORT_KEY));
    }
}
