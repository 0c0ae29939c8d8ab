package com.govfeedback.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.govfeedback.auth.Role;
import com.govfeedback.devtoken.DevTokenIssuer;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Load generator for {@code make bench}: submits feedback to a running API from several threads, then,
 * in the same run, writes items of the same size straight to the store, and prints throughput,
 * p50/p99 latency and the ratio API ÷ store.
 *
 * <p>Arguments: API_URL STORE_URL TABLE KEY_DIR [REQUESTS] [THREADS].
 */
public final class SubmitLoad {
    private static final String TEXT = "医保电子凭证在异地就医结算的时候一直显示加载失败，换了网络也不行，窗口说是系统问题让我回去在APP上反馈，"
            + "请尽快处理，我下周还要去复诊，联系电话138 1234 5678。";

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        URI store = URI.create(args[1]);
        String table = args[2];
        DevTokenIssuer issuer = DevTokenIssuer.fromKeyDirectory(Path.of(args[3]));
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 8;

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(issuer.issue(Role.CITIZEN, "bench-" + i + "-" + System.nanoTime(), null, Duration.ofHours(1)));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger counter = new AtomicInteger();
        Result warm = run("api (warm-up)", requests / 3, threads, i -> submit(http, api, tokens.get(i % tokens.size()), "warm-" + i + "-" + counter.incrementAndGet()));
        warm.print();
        Result apiResult = run("api  POST /feedback/submit", requests, threads,
                i -> submit(http, api, tokens.get(i % tokens.size()), "bench-" + i + "-" + counter.incrementAndGet()));

        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(store).region(Region.AP_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Map<String, AttributeValue> sample = sampleItem(dynamo, table);
            run("store (warm-up)", requests / 3, threads, i -> put(dynamo, table, sample, "warm-" + i));
            Result storeResult = run("store PutItem (same item size)", requests, threads, i -> put(dynamo, table, sample, "put-" + i));
            apiResult.print();
            storeResult.print();
            System.out.printf("item size %d bytes; ratio api/store: throughput %.2f, p50 %.2f, p99 %.2f%n", size(sample),
                    apiResult.perSecond() / storeResult.perSecond(), apiResult.percentile(50) / storeResult.percentile(50),
                    apiResult.percentile(99) / storeResult.percentile(99));
        }
    }

    interface Call {
        void run(int i) throws Exception;
    }

    record Result(String name, long[] nanos, long elapsedNanos, int failures) {
        double perSecond() {
            return nanos.length / (elapsedNanos / 1e9);
        }

        double percentile(int p) {
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p / 100.0 * nanos.length) - 1)] / 1e6;
        }

        void print() {
            System.out.printf("%-34s %6d requests  %8.0f/s  p50 %6.2f ms  p99 %6.2f ms  failures %d%n", name, nanos.length, perSecond(),
                    percentile(50), percentile(99), failures);
        }
    }

    static Result run(String name, int requests, int threads, Call call) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        try {
                            call.run(i);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - began;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(nanos);
        return new Result(name, nanos, elapsed, failures.get());
    }

    static void submit(HttpClient http, URI api, String token, String requestId) throws Exception {
        String body = "{\"clientRequestId\":\"" + requestId + "\",\"text\":\"" + TEXT + "\",\"channel\":\"APP\",\"context\":{"
                + "\"screenPath\":\"/medical/e-voucher\",\"deviceModel\":\"Xiaomi 14\",\"os\":\"Android\",\"osVersion\":\"14\","
                + "\"appVersion\":\"5.3.1\",\"networkType\":\"4G\",\"regionCode\":\"440305\",\"locale\":\"zh-CN\"}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/feedback/submit"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
        }
    }

    /** One feedback item the API stored, to copy: the store is measured with items of the same size. */
    static Map<String, AttributeValue> sampleItem(DynamoDbClient dynamo, String table) {
        return dynamo.scan(b -> b.tableName(table).filterExpression("#e = :f")
                .expressionAttributeNames(Map.of("#e", TableSchema.ENTITY))
                .expressionAttributeValues(Map.of(":f", Attributes.s("FEEDBACK"))).limit(200)).items().get(0);
    }

    static void put(DynamoDbClient dynamo, String table, Map<String, AttributeValue> sample, String key) {
        Map<String, AttributeValue> item = new HashMap<>(sample);
        item.put(TableSchema.PK, Attributes.s("FEEDBACK#" + key));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
    }

    /** The item's size as DynamoDB bills it: attribute names plus values (UTF-8 strings, numbers, 3 bytes per map or list). */
    static int size(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            bytes += utf8(e.getKey()) + size(e.getValue());
        }
        return bytes;
    }

    private static int size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return 1 + (value.n().length() + 1) / 2;
        }
        if (value.hasM()) {
            return 3 + size(value.m()) + value.m().size();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> 1 + size(v)).sum();
        }
        return 1;
    }

    private static int utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
