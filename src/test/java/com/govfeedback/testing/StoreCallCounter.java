package com.govfeedback.testing;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Counts the store calls a client makes, by operation, and the items its reads answer: for benchmarks that print what a
 * request costs the store (a client built with {@link #client}).
 */
public final class StoreCallCounter implements ExecutionInterceptor {
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong itemsRead = new AtomicLong();

    /** A client of the store at {@code endpoint} that reports every call to this counter. */
    public DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.AP_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(this)).build();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong()).incrementAndGet();
        SdkResponse response = context.response();
        if (response instanceof QueryResponse query) {
            itemsRead.addAndGet(query.count());
        } else if (response instanceof BatchGetItemResponse batch) {
            batch.responses().values().forEach(items -> itemsRead.addAndGet(items.size()));
        }
    }

    public void reset() {
        calls.clear();
        itemsRead.set(0);
    }

    /** Calls so far by operation, e.g. {@code {BatchGetItem=2, Query=99}}. */
    public Map<String, Long> calls() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((operation, count) -> copy.put(operation, count.get()));
        return copy;
    }

    public long itemsRead() {
        return itemsRead.get();
    }
}
