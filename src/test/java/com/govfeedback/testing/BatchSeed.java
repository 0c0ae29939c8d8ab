package com.govfeedback.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** How the benchmarks seed a store: BatchWriteItem, 25 items a request, from 4 threads; unprocessed items are sent again. */
public final class BatchSeed {
    private static final int BATCH = 25;

    private BatchSeed() {
    }

    public static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < items.size(); from += BATCH) {
                List<Map<String, AttributeValue>> batch = items.subList(from, Math.min(items.size(), from + BATCH));
                batches.add(threads.submit(() -> write(dynamo, table, batch)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static void write(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> batch) {
        List<WriteRequest> writes = batch.stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
        Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, writes));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
            pending.values().removeIf(List::isEmpty);
        }
    }
}
