package com.govfeedback.participation.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.number;
import static com.govfeedback.storage.Attributes.s;
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
 * Participation notice items as the notifier sees them: each holds one pending push to its citizen (event
 * {@code PARTICIPATION}), delivered once through the delivery markers; the outcome is recorded on the notice item itself
 * ({@link NoticeItemOutcome}), as for improvement notices.
 */
public final class ParticipationNoticeOutbox implements OutboxStore {
    public static final String ENTITY = "NOTICE";
    private static final String STATE = NoticeItemOutcome.STATE;

    private final DynamoDbClient dynamo;
    private final String table;

    public ParticipationNoticeOutbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The delivery attributes of a new notice: pending, no attempt yet, its stable delivery id. */
    static Map<String, AttributeValue> pending(String eventId, String citizen, Instant at) {
        return Map.of("eventId", s(eventId), "deliveryId", s("participation:" + eventId + ":" + citizen), STATE,
                s(Notification.State.PENDING.name()), NoticeItemOutcome.ATTEMPTS, n(0), NoticeItemOutcome.NEXT_ATTEMPT_AT, instant(at));
    }

    @Override
    public List<Notification> outboxOf(Map<String, AttributeValue> image) {
        // notices written before they were pushed carry no state: the app lists them, nobody delivers them now
        if (image == null || !ENTITY.equals(string(image, TableSchema.ENTITY)) || !image.containsKey(STATE)) {
            return List.of();
        }
        Instant at = instant(image, "at");
        return List.of(new Notification(string(image, "deliveryId"), NotificationEvent.PARTICIPATION, string(image, "eventId"),
                new Recipient(Recipient.Kind.CITIZEN, string(image, "citizen")), Map.of("title", string(image, "title"), "text", string(image, "text")),
                at, (int) number(image, NoticeItemOutcome.ATTEMPTS), instant(image, NoticeItemOutcome.NEXT_ATTEMPT_AT), Notification.State.valueOf(string(image, STATE))));
    }

    @Override
    public Recorded record(Notification outcome, int indexHint, int attemptsRead) {
        return NoticeItemOutcome.record(dynamo, table, ParticipationKeys.notice(outcome.recipient().id(), outcome.createdAt(), outcome.feedbackId()).value(),
                outcome, attemptsRead);
    }
}
