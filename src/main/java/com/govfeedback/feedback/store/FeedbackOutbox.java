package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.notify.Notification;
import com.govfeedback.notify.OutboxStore;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The outbox of feedback items, for the notifier: an outcome is recorded with a conditional UpdateItem on that entry's
 * id, state and attempts (never a whole-item write, and the item's version is left alone so staff requests do not see
 * the notifier as a competing change).
 */
public final class FeedbackOutbox implements OutboxStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public FeedbackOutbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Notification> outboxOf(Map<String, AttributeValue> image) {
        if (image == null || !FeedbackItems.ENTITY.equals(Attributes.string(image, TableSchema.ENTITY))) {
            return List.of();
        }
        return NotificationAttributes.fromAttribute(image.get(FeedbackItems.OUTBOX));
    }

    /**
     * Writes {@code outcome} (a new state, attempts and next attempt) over the outbox entry with the same id, provided
     * that entry is still PENDING at {@code outcome.attempts()} or one less. {@code indexHint} is the entry's position in
     * the image read; when the list has moved since, the item is read again to find it.
     */
    @Override
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
}
