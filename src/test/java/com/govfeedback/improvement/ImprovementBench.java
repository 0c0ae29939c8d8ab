package com.govfeedback.improvement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.improvement.service.ImprovementRequests;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.service.ImprovementViews;
import com.govfeedback.improvement.service.NoticeFanOut;
import com.govfeedback.improvement.store.ImprovementItems;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.LinkRecord;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.BatchSeed;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.testing.MutableClock;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark for {@code make bench}: (1) the notice fan-out of one status change to N linked citizens (default 10,000):
 * time and store calls per notified citizen; (2) pool listing at M improvements (default 100,000): time per page of 20
 * by priority and by department, median of repeated reads. Each runs against its own in-memory dynalite.
 *
 * <p>Arguments: [CITIZENS=10000] [IMPROVEMENTS=100000] [ROUNDS=20].
 */
public final class ImprovementBench {
    private static final Caller OFFICE = new Caller("office-bench", Role.OPTIMISATION_OFFICE, null);

    private ImprovementBench() {
    }

    public static void main(String[] args) throws Exception {
        int citizens = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int improvements = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Dynalite server = Dynalite.start();
        AtomicLong calls = new AtomicLong();
        try (DynamoDbClient dynamo = countingClient(server, calls)) {
            fanOut(dynamo, calls, citizens);
            pool(dynamo, improvements, rounds);
        } finally {
            server.stop();
        }
    }

    private static void fanOut(DynamoDbClient dynamo, AtomicLong calls, int citizens) throws Exception {
        String table = "bench-fanout";
        LocalTableBootstrap.createIfMissing(dynamo, table);
        ImprovementStore store = new ImprovementStore(dynamo, table);
        FakeFeedbackSide feedback = new FakeFeedbackSide();
        MutableClock clock = new MutableClock(FakeFeedbackSide.START);
        ImprovementService service = feedback.service(store, clock);
        String first = feedback.add("citizen-first", null, "/s", "BUG", "5.9.2", "RED", true);
        ImprovementViews.StaffView created = service.create(OFFICE, new ImprovementRequests.Create(Ids.newId(Instant.now()), "办事进度查询慢", null, List.of(first), null,
                List.of(), List.of(), List.of(), null, FakeFeedbackSide.LEAD, List.of(), null));
        String id = created.tracker().id();
        List<Map<String, AttributeValue>> links = new ArrayList<>(citizens);
        for (int i = 0; i < citizens; i++) {
            Instant at = FakeFeedbackSide.START.plusMillis(i);
            links.add(ImprovementItems.toItem(id, new LinkRecord(Ids.newId(at), "citizen-" + i, null, 1, "BLUE", false, null, at, at, null)));
        }
        System.out.printf(Locale.ROOT, "fan-out: seeding %,d linked citizens…%n", citizens);
        BatchSeed.putAll(dynamo, table, links);

        calls.set(0);
        long start = System.nanoTime();
        service.move(OFFICE, new ImprovementRequests.Move(id, "ACCEPTED", null, "2026-Q2", null, null, null, null, created.version()));
        NoticeFanOut.Report rest = new NoticeFanOut(store, feedback).resumePending(clock.instant().plus(Duration.ofMinutes(1)), 10, Integer.MAX_VALUE);
        double seconds = (System.nanoTime() - start) / 1e9;
        int told = store.noticeRecipients(id + ":ACCEPTED:2").size();
        System.out.printf(Locale.ROOT, "fan-out of one status change to %,d citizens: %.1f s (%.2f ms per citizen), %,d store calls = %.3f per notified"
                + " citizen, finished: %s%n", told, seconds, seconds * 1000 / told, calls.get(), (double) calls.get() / told, rest.finished());
    }

    private static void pool(DynamoDbClient dynamo, int count, int rounds) throws Exception {
        String table = "bench-pool";
        LocalTableBootstrap.createIfMissing(dynamo, table);
        ImprovementStore store = new ImprovementStore(dynamo, table);
        PriorityPolicy priority = PriorityPolicy.loadDefault();
        Random random = new Random(42);
        List<String> departments = List.of(FakeFeedbackSide.LEAD, FakeFeedbackSide.OTHER, "TAX_BUREAU", "HEALTHCARE_SECURITY_BUREAU");
        List<Map<String, AttributeValue>> items = new ArrayList<>(count);
        Instant created = FakeFeedbackSide.START;
        for (int i = 0; i < count; i++) {
            LinkStats stats = new LinkStats(random.nextInt(60), random.nextInt(300), Map.of("ORANGE", 1L), random.nextInt(5), 0, 0, 1, List.of());
            items.add(ImprovementItems.toItem(new Improvement(Ids.newId(created.plusMillis(i)), "需求 " + i, null, List.of(), List.of(), List.of(),
                    null, departments.get(i % departments.size()), List.of(), List.of(), ImprovementStatus.PENDING_REVIEW, null, null, null, null,
                    null, 1 + random.nextInt(5), "M", stats, random.nextInt(100), priority.score(stats, 0, 1 + random.nextInt(5), "M"),
                    List.of(), null, "bench", created, created, null, Map.of(), null, 1)));
        }
        System.out.printf(Locale.ROOT, "pool: seeding %,d improvements…%n", count);
        BatchSeed.putAll(dynamo, table, items);
        ImprovementService service = new FakeFeedbackSide().service(store, new MutableClock(created));
        double[] byPriority = new double[rounds];
        double[] byDepartment = new double[rounds];
        double[] thirdPage = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            ImprovementService.StaffPage page = service.pool(OFFICE, new ImprovementRequests.ListPool(null, null, 20, null));
            byPriority[r] = (System.nanoTime() - t0) / 1e6;
            String cursor = service.pool(OFFICE, new ImprovementRequests.ListPool(null, null, 20, page.cursor())).cursor();
            long t1 = System.nanoTime();
            service.pool(OFFICE, new ImprovementRequests.ListPool(null, null, 20, cursor));
            thirdPage[r] = (System.nanoTime() - t1) / 1e6;
            long t2 = System.nanoTime();
            service.pool(OFFICE, new ImprovementRequests.ListPool(null, FakeFeedbackSide.LEAD, 20, null));
            byDepartment[r] = (System.nanoTime() - t2) / 1e6;
        }
        System.out.printf(Locale.ROOT, "pool listing at %,d improvements, page of 20, median of %d: by priority %.1f ms, its third page %.1f ms,"
                + " by department %.1f ms%n", count, rounds, median(byPriority), median(thirdPage), median(byDepartment));
    }

    private static DynamoDbClient countingClient(Dynalite server, AtomicLong calls) {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.incrementAndGet();
            }
        };
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.AP_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
