package com.govfeedback.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.feedback.store.FeedbackItems;
import com.govfeedback.storage.LocalStore;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Rebuilds every aggregate item from the feedback items themselves, for when the aggregation rules change. It reads
 * the whole table once (a maintenance command, not a request path) and writes each aggregate anew, with the seen mark
 * of every feedback it counted, so deltas of changes it already counted are ignored when they arrive afterwards;
 * aggregate items nothing contributes to any more are deleted. Run it while the aggregator is stopped and the table
 * takes no feedback writes (docs/insights.md): a change written during the read may be counted twice or not at all.
 */
public final class InsightRebuild {
    private final DynamoDbClient dynamo;
    private final String table;

    public InsightRebuild(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What every aggregate item must hold for these current images: summed counters and, per feedback, its version. */
    record Totals(Map<String, Long> counters, Map<String, Long> seen) {
    }

    static Map<InsightCell, Totals> totals(Iterable<FeedbackFacts> images) {
        Map<InsightCell, Totals> totals = new LinkedHashMap<>();
        for (FeedbackFacts image : images) {
            InsightDelta.contribution(image).forEach((cell, counters) -> {
                Totals t = totals.computeIfAbsent(cell, c -> new Totals(new HashMap<>(), new HashMap<>()));
                counters.forEach((name, amount) -> t.counters().merge(name, amount, Long::sum));
                t.seen().put(image.id(), image.version());
            });
        }
        return totals;
    }

    public record Report(int feedbackRead, int itemsWritten, int itemsDeleted) {
    }

    public Report run() {
        List<FeedbackFacts> images = new ArrayList<>();
        List<Map<String, AttributeValue>> oldAggregates = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.scan(ScanRequest.builder().tableName(table).consistentRead(true)
                    .filterExpression("#entity IN (:feedback, :insight)")
                    .expressionAttributeNames(Map.of("#entity", TableSchema.ENTITY))
                    .expressionAttributeValues(Map.of(":feedback", AttributeValue.fromS("FEEDBACK"), ":insight",
                            AttributeValue.fromS(InsightStore.ENTITY)))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (InsightStore.ENTITY.equals(item.get(TableSchema.ENTITY).s())) {
                    oldAggregates.add(Map.of(TableSchema.PK, item.get(TableSchema.PK), TableSchema.SK, item.get(TableSchema.SK)));
                } else {
                    images.add(FeedbackFacts.of(FeedbackItems.fromItem(item)));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        Map<InsightCell, Totals> totals = totals(images);
        List<Map<String, AttributeValue>> written = new ArrayList<>();
        totals.forEach((cell, t) -> {
            Map<String, AttributeValue> item = new HashMap<>(InsightStore.key(cell));
            item.put(TableSchema.ENTITY, AttributeValue.fromS(InsightStore.ENTITY));
            t.counters().forEach((name, amount) -> item.put(name, AttributeValue.fromN(Long.toString(amount))));
            t.seen().forEach((id, version) -> item.put(InsightStore.SEEN_PREFIX + id, AttributeValue.fromN(Long.toString(version))));
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
            written.add(InsightStore.key(cell));
        });
        int deleted = 0;
        for (Map<String, AttributeValue> key : oldAggregates) {
            if (!written.contains(key)) {
                dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key).build());
                deleted++;
            }
        }
        return new Report(images.size(), written.size(), deleted);
    }

    /** {@code make insights-rebuild}: against {@code DYNAMODB_ENDPOINT} (http://localhost:8000), table {@code FEEDBACK_TABLE_NAME}. */
    public static void main(String[] args) {
        try (DynamoDbClient dynamo = LocalStore.client()) {
            Report report = new InsightRebuild(dynamo, LocalStore.table()).run();
            System.out.printf("feedback read: %d, aggregate items written: %d, deleted: %d%n", report.feedbackRead(), report.itemsWritten(),
                    report.itemsDeleted());
        }
    }
}
