package com.govfeedback.improvement.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.number;
import static com.govfeedback.storage.Attributes.string;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.govfeedback.notify.NoticeItemOutcome;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.OutboxStore;
import com.govfeedback.notify.Recipient;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Improvement notice items as the notifier sees them: each holds one notification for one citizen (its id is the
 * notice's stable {@code deliveryId}, its {@code feedbackId} the improvement's id), and its outcome is recorded on the
 * notice item itself with a conditional UpdateItem on the state and attempts read, as {@code FeedbackOutbox} does for
 * a feedback's outbox entry.
 */
public final class NoticeOutbox implements OutboxStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public NoticeOutbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Notification> outboxOf(Map<String, AttributeValue> image) {
        if (image == null || !ImprovementNotice.ENTITY.equals(string(image, TableSchema.ENTITY))) {
            return List.of();
        }
        Instant createdAt = instant(image, "createdAt");
        Instant nextAttemptAt = image.containsKey(NoticeItemOutcome.NEXT_ATTEMPT_AT) ? instant(image, NoticeItemOutcome.NEXT_ATTEMPT_AT) : createdAt;
        int attempts = (int) number(image, NoticeItemOutcome.ATTEMPTS);
        return List.of(new Notification(string(image, "deliveryId"), NotificationEvent.IMPROVEMENT_STATUS, string(image, "improvementId"),
                new Recipient(Recipient.Kind.CITIZEN, string(image, "recipient")),
                Map.of("text", string(image, "text"), "status", string(image, "status")), createdAt, attempts, nextAttemptAt,
                Notification.State.valueOf(string(image, NoticeItemOutcome.STATE))));
    }

    @Override
    public Recorded record(Notification outcome, int indexHint, int attemptsRead) {
        return NoticeItemOutcome.record(dynamo, table, ImprovementKeys.notice(ImprovementNotice.noticeIdOf(outcome.id()), outcome.recipient().id()),
                outcome, attemptsRead);
    }
}
