package com.govfeedback.notify;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;

import java.util.Map;

import com.govfeedback.storage.StoreCalls;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Records a delivery outcome on an item that holds one notification by itself (an improvement notice, a participation
 * notice): a conditional UpdateItem on the state and attempts read, so two notifiers never both record, and a stale one
 * learns it was recorded first.
 */
public final class NoticeItemOutcome {
    public static final String STATE = "state";
    public static final String ATTEMPTS = "attempts";
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

    private NoticeItemOutcome() {
    }

    public static OutboxStore.Recorded record(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key, Notification outcome,
            int attemptsRead) {
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET #state = :state, #attempts = :attempts, #next = :next")
                    .conditionExpression("#state = :pending AND (attribute_not_exists(#attempts) OR #attempts = :read)")
                    .expressionAttributeNames(Map.of("#state", STATE, "#attempts", ATTEMPTS, "#next", NEXT_ATTEMPT_AT))
                    .expressionAttributeValues(Map.of(":state", s(outcome.state().name()), ":attempts", n(outcome.attempts()),
                            ":next", instant(outcome.nextAttemptAt()), ":pending", s(Notification.State.PENDING.name()), ":read", n(attemptsRead)))));
            return OutboxStore.Recorded.RECORDED;
        } catch (ConditionalCheckFailedException recordedFirst) {
            return OutboxStore.Recorded.ALREADY;
        }
    }
}
