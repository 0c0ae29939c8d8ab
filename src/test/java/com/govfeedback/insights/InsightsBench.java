package com.govfeedback.insights;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackItems;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.shared.Ids;
import com.govfeedback.sla.CityZone;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.BatchSeed;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.testing.StoreCallCounter;
import com.govfeedback.triage.similar.SimilaritySignature;
import com.govfeedback.triage.text.TextNormalizer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark for {@code make bench}: the dashboard's store reads with 100,000 feedback behind the aggregates. Seeds a
 * dynalite of its own ({@link #seed}: the aggregate items 100,000 synthetic feedback images make, spread over the last 92
 * days, 20 departments, four colours, every status, stopped clocks and ratings for the finished ones, three in ten
 * joining one of 2,000 similar-feedback clusters, summed exactly as the rebuild sums them and written with
 * BatchWriteItem, tallies and figures), then times what {@code insights/dashboard} asks of the store
 * ({@link DashboardFigures#read}) for a 30-day and a 92-day range, and prints p50, p99 and the store calls and items of
 * one request. HTTP and JSON are not included: {@code DashboardLoad} (tools) measures them against the running API.
 *
 * <p>Arguments: [FEEDBACK=100000] [RUNS=200].
 */
public final class InsightsBench {
    private static final String[] COLOURS = { "RED", "ORANGE", "YELLOW", "BLUE" };
    private static final String[] OPEN = { "SUBMITTED", "ACCEPTED", "IN_PROGRESS", "WAITING_CITIZEN" };
    private static final String[] DONE = { "RESOLVED", "CLOSED", "REJECTED" };
    private static final int DEPARTMENTS = 20;
    public static final int DAYS = 92;
    private static final int CLUSTERS = 2_000;

    private InsightsBench() {
    }

    public static void main(String[] args) throws Exception {
        int feedback = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Dynalite store = Dynalite.start();
        StoreCallCounter counter = new StoreCallCounter();
        try (DynamoDbClient dynamo = counter.client(store.endpoint())) {
            String table = "feedback";
            LocalTableBootstrap.createIfMissing(dynamo, table);
            LocalDate today = LocalDate.now(CityZone.ZONE);
            System.out.println("dashboard bench (store reads): " + seed(dynamo, table, feedback, today));
            DashboardFigures figures = figures(dynamo, table);
            for (int days : new int[] { 30, DAYS }) {
                LocalDate from = today.minusDays(days - 1L);
                for (int i = 0; i < 20; i++) {
                    figures.read(from, today);
                }
                counter.reset();
                figures.read(from, today);
                String reads = readsOfOneRequest(counter);
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    figures.read(from, today);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "  insights/dashboard store reads, %2d days: p50 %.1f ms, p99 %.1f ms over %d runs; one request: %s%n",
                        days, ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1], runs, reads);
            }
        } finally {
            store.stop();
        }
    }

    /** What the API reads for a dashboard, over this client. */
    public static DashboardFigures figures(DynamoDbClient dynamo, String table) {
        return new DashboardFigures(new InsightStore(dynamo, table), new FeedbackRepository(dynamo, table),
                new SimilarFeedback(dynamo, table, new SimilaritySignature(TextNormalizer.loadDefault())));
    }

    /** The counter's calls and items, as one line: "99 Query, 6 BatchGetItem; 7,013 items". */
    public static String readsOfOneRequest(StoreCallCounter counter) {
        List<String> calls = new ArrayList<>();
        counter.calls().forEach((operation, count) -> calls.add(count + " " + operation));
        return String.format(Locale.ROOT, "%s; %,d items", String.join(", ", calls), counter.itemsRead());
    }

    public record Seeded(int feedback, int aggregateItems, int clusterHeads, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d feedback → %,d aggregate items (tallies and figures, %d days × %d departments, screens, "
                    + "domains) and %,d cluster heads, seeded in %.1f s", feedback, aggregateItems, DAYS, DEPARTMENTS, clusterHeads, seconds);
        }
    }

    /**
     * Writes the aggregate items of {@code feedback} synthetic images received over the {@value #DAYS} days up to {@code today}
     * as the rebuild writes them, and the first feedback of each cluster (the dashboard names the top ones by it).
     */
    public static Seeded seed(DynamoDbClient dynamo, String table, int feedback, LocalDate today) throws Exception {
        long start = System.nanoTime();
        Random random = new Random(12);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < CLUSTERS; i++) {
            LocalDate day = today.minusDays(random.nextInt(DAYS));
            var at = day.atTime(LocalTime.NOON).atZone(CityZone.ZONE).toInstant();
            String id = Ids.newId(at);
            heads.add(id);
            items.add(FeedbackItems.toItem(SweepFixtures.open(COLOURS[random.nextInt(COLOURS.length)], "MALFUNCTION", at, id)));
        }
        var totals = InsightRebuild.totals(images(feedback, today, heads, random));
        totals.forEach((cell, t) -> items.addAll(InsightRebuild.items(cell, t)));
        BatchSeed.putAll(dynamo, table, items);
        return new Seeded(feedback, totals.size() * 2, CLUSTERS, (System.nanoTime() - start) / 1e9);
    }

    /** Synthetic images: a fixed seed, so every run seeds the same figures; a few clusters draw most of the reports. */
    private static List<FeedbackFacts> images(int count, LocalDate today, List<String> clusters, Random random) {
        List<FeedbackFacts> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate received = today.minusDays(random.nextInt(DAYS));
            String department = String.format(Locale.ROOT, "DEPT_%02d", random.nextInt(DEPARTMENTS));
            String colour = COLOURS[random.nextInt(COLOURS.length)];
            boolean done = random.nextInt(10) < 7;
            String status = done ? DONE[random.nextInt(DONE.length)] : OPEN[random.nextInt(OPEN.length)];
            FeedbackFacts.StoppedClock acknowledged = status.equals("SUBMITTED") ? null
                    : new FeedbackFacts.StoppedClock(Duration.ofMinutes(5 + random.nextInt(24 * 60)), random.nextInt(20) == 0);
            FeedbackFacts.StoppedClock resolved = done
                    ? new FeedbackFacts.StoppedClock(Duration.ofMinutes(60 + random.nextInt(10 * 24 * 60)), random.nextInt(10) == 0) : null;
            LocalDate rated = done && random.nextBoolean() ? received.plusDays(random.nextInt(3)) : null;
            if (rated != null && rated.isAfter(today)) {
                rated = today;
            }
            String id = String.format(Locale.ROOT, "F%08d", i);
            String cluster = random.nextInt(10) < 3 ? clusters.get((int) (clusters.size() * Math.pow(random.nextDouble(), 3))) : id;
            images.add(new FeedbackFacts(id, 1, received, department, colour, status, acknowledged, resolved, rated,
                    rated == null ? 0 : 1 + random.nextInt(5), "/screen/" + random.nextInt(40), "DOMAIN_" + random.nextInt(12),
                    random.nextInt(3) == 0, cluster));
        }
        return images;
    }
}
