package com.govfeedback.insights;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.govfeedback.sla.CityZone;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.testing.BatchSeed;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark for {@code make bench}: the dashboard's reads with 100,000 feedback behind the aggregates. Seeds a dynalite
 * of its own with the aggregate items 100,000 synthetic feedback images make (spread over the last 92 days, 20
 * departments, four colours, every status; stopped clocks and ratings for the finished ones), summed exactly as the
 * rebuild sums them ({@code InsightRebuild.totals}: the same contributions the write path applies one change at a time)
 * and written with BatchWriteItem. Then it times what {@code insights/dashboard} asks of the store (the counts and
 * ratings queries, one per day) for a 30-day and a 92-day range and prints p50 and p99. HTTP and JSON are not included.
 *
 * <p>Arguments: [FEEDBACK=100000] [RUNS=200].
 */
public final class InsightsBench {
    private static final String[] COLOURS = { "RED", "ORANGE", "YELLOW", "BLUE" };
    private static final String[] OPEN = { "SUBMITTED", "ACCEPTED", "IN_PROGRESS", "WAITING_CITIZEN" };
    private static final String[] DONE = { "RESOLVED", "CLOSED", "REJECTED" };
    private static final int DEPARTMENTS = 20;
    private static final int DAYS = 92;

    private InsightsBench() {
    }

    public static void main(String[] args) throws Exception {
        int feedback = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Dynalite store = Dynalite.start();
        try (DynamoDbClient dynamo = store.client()) {
            String table = "feedback";
            LocalTableBootstrap.createIfMissing(dynamo, table);
            LocalDate today = LocalDate.now(CityZone.ZONE);
            long seedStart = System.nanoTime();
            Map<InsightCell, InsightRebuild.Totals> totals = InsightRebuild.totals(images(feedback, today));
            writeItems(dynamo, table, totals);
            System.out.printf(Locale.ROOT, "dashboard bench: %,d feedback → %,d aggregate items (%d days × %d departments × counts and ratings),"
                    + " seeded in %.1f s%n", feedback, totals.size(), DAYS, DEPARTMENTS, (System.nanoTime() - seedStart) / 1e9);
            InsightStore insights = new InsightStore(dynamo, table);
            for (int days : new int[] { 30, DAYS }) {
                LocalDate from = today.minusDays(days - 1L);
                int items = read(insights, from, today); // warm-up, and the size of the answer
                for (int i = 0; i < 20; i++) {
                    read(insights, from, today);
                }
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    read(insights, from, today);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "  insights/dashboard store reads, %2d days (%,d items): p50 %.1f ms, p99 %.1f ms over %d runs%n",
                        days, items, ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1], runs);
            }
        } finally {
            store.stop();
        }
    }

    private static int read(InsightStore insights, LocalDate from, LocalDate to) {
        return insights.read(InsightCell.Kind.COUNTS, from, to).size() + insights.read(InsightCell.Kind.RATINGS, from, to).size();
    }

    /** Synthetic images: a fixed seed, so every run seeds the same figures. */
    private static List<FeedbackFacts> images(int count, LocalDate today) {
        Random random = new Random(12);
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
            images.add(new FeedbackFacts(String.format(Locale.ROOT, "F%08d", i), 1, received, department, colour, status,
                    acknowledged, resolved, rated, rated == null ? 0 : 1 + random.nextInt(5), "/screen/" + random.nextInt(40),
                    "DOMAIN_" + random.nextInt(12), random.nextInt(3) == 0));
        }
        return images;
    }

    /** Each aggregate item as the rebuild writes it (counters and seen marks). */
    private static void writeItems(DynamoDbClient dynamo, String table, Map<InsightCell, InsightRebuild.Totals> totals) throws Exception {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Map.Entry<InsightCell, InsightRebuild.Totals> entry : totals.entrySet()) {
            Map<String, AttributeValue> item = new HashMap<>(InsightStore.key(entry.getKey()));
            item.put(TableSchema.ENTITY, AttributeValue.fromS(InsightStore.ENTITY));
            entry.getValue().counters().forEach((name, amount) -> item.put(name, AttributeValue.fromN(Long.toString(amount))));
            entry.getValue().seen().forEach((id, version) -> item.put(InsightStore.SEEN_PREFIX + id, AttributeValue.fromN(Long.toString(version))));
            items.add(item);
        }
        BatchSeed.putAll(dynamo, table, items);
    }

}
