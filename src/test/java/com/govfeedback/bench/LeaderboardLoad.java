package com.govfeedback.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.govfeedback.participation.leaderboard.BoardPeriods;
import com.govfeedback.participation.leaderboard.Leaderboard;
import com.govfeedback.participation.leaderboard.Profiles;
import com.govfeedback.participation.ledger.Account;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.participation.levels.StarLevels;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Benchmark for {@code make bench}: the 贡献榜's read cost at N citizens of one city. For each N, into an in-memory dynalite
 * of its own:
 * <ul>
 * <li>N citizens get synthetic week, month and all-time totals (in memory); the board shard items are brought to the
 * state N citizens' payments would leave them in by recording, through {@link Leaderboard#record}, every citizen that is
 * in its shard's top {@value #BOARD_SIZE} for some period (the others would have changed nothing);</li>
 * <li>min(N, {@value #FILLER_CAP}) account items are written as filler, so the table is not just the board;</li>
 * <li>{@value #AWARDS} real awards go through the ledger (entry, guarded move, notices, boards) as a representative
 * write volume, timed.</li>
 * </ul>
 * Then each period's board is read {@value #READS} times; the store requests and items per read are counted by an
 * interceptor on the client. Arguments: [SIZES=100000,1000000].
 */
public final class LeaderboardLoad {
    private static final String CITY = "4403";
    private static final int BOARD_SIZE = 20;
    private static final int FILLER_CAP = 100_000;
    private static final int AWARDS = 2_000;
    private static final int READS = 300;
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private LeaderboardLoad() {
    }

    /** Store requests and the items they returned, as the client saw them. */
    static final class Counter implements ExecutionInterceptor {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong items = new AtomicLong();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            requests.incrementAndGet();
            if (context.response() instanceof BatchGetItemResponse batch) {
                batch.responses().values().forEach(found -> items.addAndGet(found.size()));
            } else if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.GetItemResponse get && get.hasItem()) {
                items.incrementAndGet();
            } else if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.QueryResponse query) {
                items.addAndGet(query.count());
            }
        }

        void reset() {
            requests.set(0);
            items.set(0);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {100_000, 1_000_000};
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(measure(size));
        }
        System.out.println();
        System.out.println("贡献榜 (one city, top " + BOARD_SIZE + ", " + Leaderboard.SHARDS + " shards; " + READS + " reads per period)");
        System.out.println("citizens   | seeded: board citizens / filler accounts / real awards | read p50 ms | read p99 ms | requests/read | items/read | award p50 ms | requests/award");
        rows.forEach(System.out::println);
    }

    private static String measure(int citizens) throws Exception {
        Dynalite store = Dynalite.start();
        Counter counter = new Counter();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(store.endpoint()).region(Region.AP_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build()) {
            String table = "bench-leaderboard";
            LocalTableBootstrap.createIfMissing(dynamo, table);
            PointRules rules = PointRules.loadDefault();
            Profiles profiles = new Profiles(dynamo, table);
            Leaderboard board = new Leaderboard(dynamo, table, profiles, BOARD_SIZE);
            Ledger ledger = new Ledger(dynamo, table, rules, StarLevels.loadDefault(), board, new ParticipationTrail(dynamo, table),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            BoardPeriods periods = rules.periods();
            List<String> periodKeys = List.of(periods.week(NOW), periods.month(NOW), BoardPeriods.ALL_TIME);

            System.out.printf(Locale.ROOT, "N = %,d: seeding…%n", citizens);
            long seedStart = System.nanoTime();
            int onBoards = seedBoards(citizens, profiles, board, periodKeys);
            int filler = Math.min(citizens, FILLER_CAP);
            seedAccounts(dynamo, table, filler);

            Random random = new Random(citizens);
            double[] awardMs = new double[AWARDS];
            counter.reset();
            for (int i = 0; i < AWARDS; i++) {
                String citizen = "citizen-" + random.nextInt(citizens);
                if (i < 200) {
                    profiles.save(citizen, "李" + i, "440305", false, false);
                }
                long t0 = System.nanoTime();
                ledger.award("bench:" + i, citizen, "BUG_CONFIRMED");
                awardMs[i] = (System.nanoTime() - t0) / 1e6;
            }
            double requestsPerAward = (double) counter.requests.get() / AWARDS;
            System.out.printf(Locale.ROOT, "  seeded in %.0f s%n", (System.nanoTime() - seedStart) / 1e9);

            for (int warm = 0; warm < 50; warm++) {
                board.top(CITY, BoardPeriods.ALL_TIME);
            }
            double[] readMs = new double[READS * periodKeys.size()];
            counter.reset();
            int n = 0;
            for (String period : periodKeys) {
                for (int r = 0; r < READS; r++) {
                    long t0 = System.nanoTime();
                    Leaderboard.Board top = board.top(CITY, period);
                    readMs[n++] = (System.nanoTime() - t0) / 1e6;
                    if (top.rows().size() != BOARD_SIZE) {
                        throw new IllegalStateException("board " + period + " has " + top.rows().size() + " rows");
                    }
                }
            }
            return String.format(Locale.ROOT, "%,10d | %,6d / %,7d / %,5d %24s | %11.2f | %11.2f | %13.1f | %10.1f | %12.2f | %14.1f", citizens,
                    onBoards, filler, AWARDS, "", percentile(readMs, 50), percentile(readMs, 99), (double) counter.requests.get() / n,
                    (double) counter.items.get() / n, percentile(awardMs, 50), requestsPerAward);
        } finally {
            store.stop();
        }
    }

    /** Records every citizen who is in their shard's top for some period; returns how many that was. */
    private static int seedBoards(int citizens, Profiles profiles, Leaderboard board, List<String> periodKeys) {
        Random random = new Random(42);
        long[][] totals = new long[citizens][];
        List<List<PriorityQueue<Integer>>> tops = new ArrayList<>();
        for (int s = 0; s < Leaderboard.SHARDS; s++) {
            List<PriorityQueue<Integer>> perPeriod = new ArrayList<>();
            for (int p = 0; p < periodKeys.size(); p++) {
                int period = p;
                perPeriod.add(new PriorityQueue<>(Comparator.comparingLong((Integer c) -> totals[c][period])));
            }
            tops.add(perPeriod);
        }
        for (int c = 0; c < citizens; c++) {
            // heavy-tailed, as contributions are: most citizens earn little, a few a lot
            long all = (long) (10 * Math.pow(1 - random.nextDouble(), -1.2));
            long month = all / (1 + random.nextInt(6));
            totals[c] = new long[] {month / (1 + random.nextInt(4)), month, all};
            int shard = Math.floorMod(("citizen-" + c).hashCode(), Leaderboard.SHARDS);
            for (int p = 0; p < periodKeys.size(); p++) {
                PriorityQueue<Integer> top = tops.get(shard).get(p);
                top.add(c);
                if (top.size() > BOARD_SIZE) {
                    top.poll();
                }
            }
        }
        Map<Integer, Boolean> recorded = new HashMap<>();
        tops.forEach(perPeriod -> perPeriod.forEach(top -> top.forEach(c -> recorded.put(c, true))));
        for (int c : recorded.keySet()) {
            String subject = "citizen-" + c;
            profiles.save(subject, "张" + c, "440305", false, false);
            Map<String, Long> byPeriod = new HashMap<>();
            for (int p = 0; p < periodKeys.size(); p++) {
                byPeriod.put(periodKeys.get(p), totals[c][p]);
            }
            board.record(subject, byPeriod);
        }
        return recorded.size();
    }

    /** Account items for the first {@code count} citizens: BatchWriteItem, 25 a request, from 4 threads. */
    private static void seedAccounts(DynamoDbClient dynamo, String table, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < count; from += 25) {
                int start = from;
                batches.add(threads.submit(() -> {
                    List<WriteRequest> writes = new ArrayList<>();
                    for (int c = start; c < Math.min(count, start + 25); c++) {
                        Map<String, AttributeValue> item = new HashMap<>(new Account(c % 500, 0, c % 500, 0, null, "", Map.of(), "", 0, "", 0).attributes());
                        item.putAll(ParticipationKeys.account("citizen-" + c).value());
                        item.put("version", AttributeValue.fromN("1"));
                        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    }
                    Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, writes));
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> request = pending;
                        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                        pending = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
                        pending.values().removeIf(List::isEmpty);
                    }
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
