package com.govfeedback.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * the whole table once (a maintenance command, not a request path) and writes each aggregate anew, its tally with the
 * seen mark of every feedback it counted (so deltas of changes it already counted are ignored when they arrive
 * afterwards) and its figures; aggregate items nothing contributes to any more are deleted. Run it while the aggregator is stopped and the table
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

    /** Rebuilt items start at this revision; each later change counts it up. */
    static final long REBUILT_REVISION = 1;

    /** The two items of a rebuilt cell, as {@link InsightStore} keeps them: the tally with its marks, and its figures. */
    static List<Map<String, AttributeValue>> items(InsightCell cell, Totals totals) {
        Map<String, AttributeValue> tally = InsightStore.tallyItem(cell, totals.counters(), totals.seen(), REBUILT_REVISION);
        return List.of(tally, InsightStore.figuresItem(cell, tally));
    }

    public Report run() {
        List<FeedbackFacts> images = new ArrayList<>();
        Set<Map<String, AttributeValue>> oldAggregates = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.scan(ScanRequest.builder().tableName(table).consistentRead(true)
                    .filterExpression("#entity IN (:feedback, :figures, :tally)")
                    .expressionAttributeNames(Map.of("#entity", TableSchema.ENTITY))
                    .expressionAttributeValues(Map.of(":feedback", AttributeValue.fromS(FeedbackItems.ENTITY), ":figures",
                            AttributeValue.fromS(InsightStore.ENTITY), ":tally", AttributeValue.fromS(InsightStore.TALLY_ENTITY)))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (FeedbackItems.ENTITY.equals(item.get(TableSchema.ENTITY).s())) {
                    images.add(FeedbackFacts.of(FeedbackItems.fromItem(item)));
                } else {
                    oldAggregates.add(Map.of(TableSchema.PK, item.get(TableSchema.PK), TableSchema.SK, item.get(TableSchema.SK)));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        Set<Map<String, AttributeValue>> written = new HashSet<>();
        totals(images).forEach((cell, t) -> {
            for (Map<String, AttributeValue> item : items(cell, t)) {
                dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
            }
            written.add(InsightStore.key(cell));
            written.add(InsightStore.tallyKey(cell));
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
