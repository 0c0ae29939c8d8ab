package com.govfeedback.participation.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Tells the citizen and keeps the audit trail: every payment, spend, level change and reward decision becomes a notice
 * item in the citizen's partition (the app lists it; in the cloud the table stream hands new notice items to push
 * delivery) and an audit record in the day's audit partition. Both are keyed by the event's time and cause, so
 * recording an event again writes nothing new.
 */
public final class ParticipationTrail {
    private final DynamoDbClient dynamo;
    private final String table;

    public ParticipationTrail(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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

    /** A notice or an audit record as read back. */
    public record Record(String citizen, String kind, String ref, Instant at, String actor, Map<String, String> params) {
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

        Map<String, AttributeValue> notice = new HashMap<>(body);
        notice.put(TableSchema.PK, Attributes.s(ParticipationKeys.participant(event.citizen())));
        notice.put(TableSchema.SK, Attributes.s(ParticipationKeys.NOTICE_PREFIX + ParticipationKeys.timed(event.at(), id)));
        notice.put(TableSchema.ENTITY, Attributes.s("NOTICE"));
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(notice).conditionExpression("attribute_not_exists(PK)")));
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
                Attributes.instant(item, "at"), Attributes.string(item, "actor"), params);
    }
}
