package com.govfeedback.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The aggregate items in the table: {@code PK = INSIGHTS#{day}}, {@code SK = COUNTS#{department}}, {@code RATINGS#{department}},
 * {@code SCREEN#{screen path}} or {@code DOMAIN#{domain}}, one numeric attribute per counter.
 *
 * <p>Exactly once per change without transactions: each item records, per feedback, the version of the last change
 * applied to it ({@code seen:{feedback id}}), and a delta is one conditional {@code UpdateItem} per item that adds the
 * counters and moves that mark only when the delta's version is newer. A repeated delivery (a stream retry, a re-driven
 * listener) fails the condition and changes nothing; a delta interrupted between two items is completed by its repeat.
 * An item that loses a feedback's contribution must have seen that feedback before; one rebuilt without it (see
 * {@link InsightRebuild}) ignores the late delivery instead of going negative.
 */
public final class InsightStore {
    static final String PARTITION_PREFIX = "INSIGHTS#";
    static final String ENTITY = "INSIGHT";
    static final String SEEN_PREFIX = "seen:";
    static final int BATCH_KEYS = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public InsightStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The aggregate item's key. */
    static Map<String, AttributeValue> key(InsightCell cell) {
        return Map.of(TableSchema.PK, AttributeValue.fromS(PARTITION_PREFIX + cell.day()),
                TableSchema.SK, AttributeValue.fromS(cell.kind().name() + "#" + cell.subject()));
    }

    /** Applies a change's delta; answers how many items it moved (0 when every item had applied it already). */
    public int apply(InsightDelta delta) {
        int moved = 0;
        for (var entry : delta.changes().entrySet()) {
            if (applyTo(entry.getKey(), entry.getValue(), delta.feedbackId(), delta.version(), delta.leaving().get(entry.getKey()))) {
                moved++;
            }
        }
        return moved;
    }

    private boolean applyTo(InsightCell cell, Map<String, Long> counters, String feedbackId, long version, boolean leaving) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (var counter : counters.entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":c" + i, AttributeValue.fromN(Long.toString(counter.getValue())));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        names.put("#seen", SEEN_PREFIX + feedbackId);
        names.put("#entity", TableSchema.ENTITY);
        values.put(":version", AttributeValue.fromN(Long.toString(version)));
        values.put(":entity", AttributeValue.fromS(ENTITY));
        String newer = "#seen < :version";
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(cell))
                    .updateExpression("ADD " + String.join(", ", adds) + " SET #seen = :version, #entity = :entity")
                    .conditionExpression(leaving ? newer : "attribute_not_exists(#seen) OR " + newer)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException alreadyApplied) {
            return false;
        }
    }

    /** The COUNTS or RATINGS items of the days {@code from}..{@code to}, every department: one query per day. */
    public List<InsightItem> read(InsightCell.Kind kind, LocalDate from, LocalDate to) {
        List<InsightItem> items = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, AttributeValue> start = null;
            do {
                var page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :kind)")
                        .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#sk", TableSchema.SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION_PREFIX + day), ":kind",
                                AttributeValue.fromS(kind.name() + "#")))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    items.add(InsightItem.from(kind, day, item));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return items;
    }

    /**
     * The items of {@code kind} for each of the subjects on each day {@code from}..{@code until} (excluded) that exist: one
     * GetItem per day and subject, batched (BatchGetItem, at most {@value #BATCH_KEYS} keys a call, unprocessed keys asked
     * again).
     */
    public List<InsightItem> read(InsightCell.Kind kind, Set<String> subjects, LocalDate from, LocalDate until) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            for (String subject : subjects) {
                keys.add(key(new InsightCell(kind, day, subject)));
            }
        }
        List<InsightItem> items = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += BATCH_KEYS) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(start, Math.min(keys.size(), start + BATCH_KEYS))).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                BatchGetItemResponse response = StoreCalls.call(() -> dynamo.batchGetItem(b -> b.requestItems(asked)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    LocalDate day = LocalDate.parse(item.get(TableSchema.PK).s().substring(PARTITION_PREFIX.length()));
                    items.add(InsightItem.from(kind, day, item));
                }
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    /** One aggregate item as read: its cell and its counters (the seen marks left out). */
    public record InsightItem(InsightCell cell, Map<String, Long> counters) {
        static InsightItem from(InsightCell.Kind kind, LocalDate day, Map<String, AttributeValue> item) {
            String subject = item.get(TableSchema.SK).s().substring(kind.name().length() + 1);
            Map<String, Long> counters = new TreeMap<>();
            item.forEach((name, value) -> {
                if (value.n() != null && !name.startsWith(SEEN_PREFIX)) {
                    counters.put(name, Long.parseLong(value.n()));
                }
            });
            return new InsightItem(new InsightCell(kind, day, subject), counters);
        }
    }
}
