package com.govfeedback.audit;

import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.govfeedback.shared.StoreUnavailableException;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit chains in the table ({@link AuditKeys}): one append-only item per entry, written with a conditional put on
 * the next sequence number, so two concurrent appends cannot both take the same place (the loser reads the new head and
 * tries the next one) and the chain never forks. Nothing here updates or deletes an entry.
 */
public final class AuditStore {
    /** How far back an event that may be delivered again (a change's record) is looked for before it is appended. */
    static final int RECENT_CHECKED = 20;
    private static final int ATTEMPTS = 10;
    private static final String NOT_EXISTS = "attribute_not_exists(" + TableSchema.PK + ")";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public AuditStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Appends the event to the case's chain and answers its entry. An event that may repeat and is among the chain's
     * {@value #RECENT_CHECKED} latest entries is not appended again (its entry is answered). One query for the head, one
     * conditional put; again on a concurrent append.
     */
    public AuditEntry append(String caseId, AuditEvent event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<AuditEntry> recent = newest(caseId, event.mayRepeat() ? RECENT_CHECKED : 1);
            if (event.mayRepeat()) {
                Optional<AuditEntry> already = recent.stream().filter(e -> e.event().eventId().equals(event.eventId())).findFirst();
                if (already.isPresent()) {
                    return already.get();
                }
            }
            AuditEntry entry = AuditEntry.after(recent.isEmpty() ? null : recent.get(0), caseId, event,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            try {
                StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(toItem(entry)).conditionExpression(NOT_EXISTS)));
                return entry;
            } catch (ConditionalCheckFailedException anotherAppendTookIt) {
                // read the new head and take the place after it, a little later so that two busy writers fall out of step
                pause(attempt);
            }
        }
        throw new StoreUnavailableException("the audit trail of feedback " + caseId + " is busy; nothing was recorded, try again", null);
    }

    /** A page of a chain, oldest first, after {@code afterSeq} (0: from the start); {@code lastSeq} null on the last page. */
    public record Page(List<AuditEntry> entries, Long lastSeq) {
    }

    public Page page(String caseId, long afterSeq, int limit) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk > :after")
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#sk", TableSchema.SK))
                .expressionAttributeValues(Map.of(":pk", s(AuditKeys.chain(caseId)), ":after", s(AuditKeys.entry(afterSeq))))
                .limit(limit)));
        List<AuditEntry> entries = response.items().stream().map(AuditStore::fromItem).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !entries.isEmpty();
        return new Page(entries, more ? keySeq(response.items().get(response.items().size() - 1)) : null);
    }

    /** An entry as found under its key: {@code keySeq} is the place the key gives it, which its content should repeat. */
    public record Stored(long keySeq, AuditEntry entry) {
    }

    /** The whole chain as stored, in key order (for verification). */
    public List<Stored> chain(String caseId) {
        List<Stored> chain = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableSchema.PK))
                .expressionAttributeValues(Map.of(":pk", s(AuditKeys.chain(caseId)))).build())) {
            chain.add(new Stored(keySeq(item), fromItem(item)));
        }
        return chain;
    }

    /** The last entry recorded on {@code day} of every chain that grew that day, by case id (the day's index partition). */
    public Map<String, Anchor.Head> headsOn(LocalDate day) {
        Map<String, Anchor.Head> heads = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : queryAll(QueryRequest.builder().tableName(table).indexName(AuditKeys.BY_DAY.name())
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", AuditKeys.BY_DAY.partitionKey()))
                .expressionAttributeValues(Map.of(":pk", s(AuditKeys.day(day)))).build())) {
            // the sort key is {case id}#{seq}: the last item of a case is its head
            String caseId = string(item, "caseId");
            heads.put(caseId, new Anchor.Head(caseId, Attributes.number(item, "seq"), string(item, "hash")));
        }
        return heads;
    }

    /** The day and hash of the latest anchor written. */
    public record AnchorMark(LocalDate day, String hash) {
    }

    public Optional<AnchorMark> latestAnchor() {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableSchema.PK))
                .expressionAttributeValues(Map.of(":pk", s(AuditKeys.ANCHOR_PARTITION))).scanIndexForward(false).limit(1)));
        return response.items().stream().findFirst()
                .map(item -> new AnchorMark(LocalDate.parse(string(item, TableSchema.SK)), string(item, "hash")));
    }

    /** Records that the anchor was written; a second record of the same day is refused (the first one stands). */
    public void recordAnchor(Anchor anchor) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableSchema.PK, s(AuditKeys.ANCHOR_PARTITION));
        item.put(TableSchema.SK, s(anchor.day().toString()));
        item.put(TableSchema.ENTITY, s("AUDIT_ANCHOR"));
        item.put("hash", s(anchor.hash()));
        item.put("chains", n(anchor.heads().size()));
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)));
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            // an earlier run recorded the same day
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while appending to an audit trail", e);
        }
    }

    private List<AuditEntry> newest(String caseId, int count) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableSchema.PK))
                .expressionAttributeValues(Map.of(":pk", s(AuditKeys.chain(caseId)))).scanIndexForward(false).limit(count)));
        return response.items().stream().map(AuditStore::fromItem).toList();
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest page = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
            QueryResponse response = StoreCalls.call(() -> dynamo.query(page));
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static Map<String, AttributeValue> toItem(AuditEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableSchema.PK, s(AuditKeys.chain(e.caseId())));
        item.put(TableSchema.SK, s(AuditKeys.entry(e.seq())));
        item.put(TableSchema.ENTITY, s(AuditKeys.ENTITY));
        item.put(AuditKeys.BY_DAY.partitionKey(), s(AuditKeys.day(AuditKeys.dayOf(e.recordedAt()))));
        item.put(AuditKeys.BY_DAY.sortKey(), s(AuditKeys.dayEntry(e.caseId(), e.seq())));
        item.put("caseId", s(e.caseId()));
        item.put("seq", n(e.seq()));
        item.put("recordedAt", s(e.recordedAt().toString()));
        item.put("previousHash", s(e.previousHash()));
        item.put("hash", s(e.hash()));
        item.putAll(AuditEventAttributes.toAttributes(e.event()));
        return item;
    }

    static AuditEntry fromItem(Map<String, AttributeValue> item) {
        return new AuditEntry(string(item, "caseId"), Attributes.number(item, "seq"), AuditEventAttributes.fromAttributes(item),
                Instant.parse(string(item, "recordedAt")), string(item, "previousHash"), string(item, "hash"));
    }

    private static long keySeq(Map<String, AttributeValue> item) {
        return Long.parseLong(string(item, TableSchema.SK).substring("SEQ#".length()));
    }
}
