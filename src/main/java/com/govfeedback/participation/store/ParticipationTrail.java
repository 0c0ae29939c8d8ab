package com.govfeedback.participation.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.notify.Templates;
import com.govfeedback.participation.ParticipationData;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Tells the citizen and keeps the audit trail: every payment, spend, level change and reward decision becomes a notice
 * item in the citizen's partition and an audit record in the day's audit partition. Both are keyed by the event's time
 * and cause, so recording an event again writes nothing new. The app lists the notices; each is also pushed once, as a
 * pending notification the notifier delivers from the table stream ({@link ParticipationNoticeOutbox}), or in-process
 * through {@code afterWrite} where there is no stream. Its text comes from {@code participation/notice-texts.json}.
 */
public final class ParticipationTrail {
    private static final String TEXTS_FILE = "notice-texts.json";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemChanges afterWrite;
    private final Map<String, NoticeText> texts;

    /** The pushed message of one event kind, with {@code {param}} placeholders. */
    record NoticeText(String title, String text) {
    }

    public ParticipationTrail(DynamoDbClient dynamo, String table) {
        this(dynamo, table, ItemChanges.NONE);
    }

    /** @param afterWrite told of each new notice item (the in-process stand-in for the table stream) */
    public ParticipationTrail(DynamoDbClient dynamo, String table, ItemChanges afterWrite) {
        this.dynamo = dynamo;
        this.table = table;
        this.afterWrite = afterWrite;
        this.texts = loadTexts();
    }

    private static Map<String, NoticeText> loadTexts() {
        Map<String, NoticeText> texts = new HashMap<>();
        ParticipationData.read(TEXTS_FILE).fields().forEachRemaining(kind -> {
            if (!kind.getKey().startsWith("_")) {
                texts.put(kind.getKey(), new NoticeText(kind.getValue().path("title").asText(), kind.getValue().path("text").asText()));
            }
        });
        return Map.copyOf(texts);
    }

    /**
     * @param citizen who is told
     * @param kind    POINTS_PAID, POINTS_SPENT, LEVEL_UP, REWARD_DECIDED…
     * @param ref     what it is about: the cause id, the level, the improvement
     * @param at      when it happened (fixed for the event, so that a repeat finds the same keys)
     * @param actor   who decided: a staff or operator subject, or {@code system}
     * @param params  what the message shows (masked texts only)
     */
    public record Event(String citizen, String kind, String ref, Instant at, String actor, Map<String, String> params) {
    }

    /**
     * A notice or an audit record as read back.
     *
     * @param title the pushed message's title and text (notices only; null on audit records)
     */
    public record Record(String citizen, String kind, String ref, Instant at, String actor, Map<String, String> params, String title, String text) {
    }

    public void record(Event event) {
        Map<String, AttributeValue> body = new HashMap<>();
        body.put("citizen", Attributes.s(event.citizen()));
        body.put("kind", Attributes.s(event.kind()));
        body.put("ref", Attributes.s(event.ref()));
        body.put("at", Attributes.instant(event.at()));
        body.put("actor", Attributes.s(event.actor()));
        Map<String, AttributeValue> params = new HashMap<>();
        event.params().forEach((name, value) -> params.put(name, Attributes.s(value)));
        body.put("params", AttributeValue.fromM(params));
        String id = event.kind() + ":" + event.ref();

        NoticeText text = texts.get(event.kind());
        if (text == null) {
            throw new IllegalStateException("participation/" + TEXTS_FILE + " has no text for " + event.kind());
        }
        Map<String, AttributeValue> notice = new HashMap<>(body);
        notice.putAll(ParticipationKeys.notice(event.citizen(), event.at(), id).value());
        notice.put(TableSchema.ENTITY, Attributes.s(ParticipationNoticeOutbox.ENTITY));
        notice.put("title", Attributes.s(text.title()));
        notice.put("text", Attributes.s(Templates.fill(text.text(), event.params())));
        notice.putAll(ParticipationNoticeOutbox.pending(id, event.citizen(), event.at()));
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(notice).conditionExpression("attribute_not_exists(PK)")));
            afterWrite.changed(null, notice);
        } catch (ConditionalCheckFailedException alreadyNotified) {
            // told once already
        }
        Map<String, AttributeValue> audit = new HashMap<>(body);
        audit.put(TableSchema.PK, Attributes.s(ParticipationKeys.audit(event.at().atOffset(ZoneOffset.UTC).toLocalDate().toString())));
        audit.put(TableSchema.SK, Attributes.s(ParticipationKeys.timed(event.at(), id + ":" + event.citizen())));
        audit.put(TableSchema.ENTITY, Attributes.s("AUDIT"));
        StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(audit)));
    }

    /** A citizen's notices, newest first. */
    public List<Record> notices(String citizen, int limit) {
        return query(ParticipationKeys.participant(citizen), ParticipationKeys.NOTICE_PREFIX, limit);
    }

    /** The audit trail of one UTC day (yyyy-MM-dd), newest first. */
    public List<Record> audit(String day, int limit) {
        return query(ParticipationKeys.audit(day), "", limit);
    }

    private List<Record> query(String pk, String prefix, int limit) {
        return StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", Attributes.s(pk), ":prefix", Attributes.s(prefix)))
                .scanIndexForward(false).limit(limit))).items().stream().map(ParticipationTrail::toRecord).toList();
    }

    private static Record toRecord(Map<String, AttributeValue> item) {
        Map<String, String> params = new HashMap<>();
        Attributes.map(item, "params").forEach((name, value) -> params.put(name, value.s()));
        return new Record(Attributes.string(item, "citizen"), Attributes.string(item, "kind"), Attributes.string(item, "ref"),
                Attributes.instant(item, "at"), Attributes.string(item, "actor"), params, Attributes.string(item, "title"),
                Attributes.string(item, "text"));
    }
}
