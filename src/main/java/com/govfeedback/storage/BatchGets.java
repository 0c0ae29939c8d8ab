package com.govfeedback.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Reads items by key with BatchGetItem: at most {@value #KEYS_PER_CALL} keys a call, unprocessed keys asked again. */
public final class BatchGets {
    public static final int KEYS_PER_CALL = 100;

    private BatchGets() {
    }

    /** The items of these keys that exist, in no particular order. */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        return all(dynamo, table, keys, UnaryOperator.identity());
    }

    /** The same, each call's keys shaped by {@code options} (consistent reads, a projection). */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
            UnaryOperator<KeysAndAttributes.Builder> options) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_CALL) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    options.apply(KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_CALL)))).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                BatchGetItemResponse response = StoreCalls.call(() -> dynamo.batchGetItem(b -> b.requestItems(asked)));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }
}
