package com.govfeedback.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.store.FeedbackItems;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.feedback.sweep.SweepReport;
import com.govfeedback.feedback.sweep.SweepSettings;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.BatchSeed;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Benchmark for {@code make bench}: for each table size N, seeds N open items of which D are due into an in-memory
 * dynalite of its own (BatchWriteItem, 25 per batch), sweeps, and prints the items the sweep read per due item
 * (target ≤ 1.1) and the time per 1,000 due items, so that a larger table can be seen to cost no more (target ≤ 20%
 * extra). Each sweep is repeated on the same D items, put back as they were, and the median is reported.
 *
 * <p>Arguments: [DUE=1000] [SIZES=10000,100000] [ROUNDS=5].
 */
public final class SweepLoad {
    /** Mon 2026-03-02 11:00 Shanghai: the due items (ORANGE, submitted 10:00) owe their 50% acknowledge warning. */
    private static final Instant NOW = SweepFixtures.at("2026-03-02T11:00");
    private static final Instant SUBMITTED = SweepFixtures.at("2026-03-02T10:00");

    private SweepLoad() {
    }

    record Row(int size, int due, int read, double emptyRunMs, double dryMsPer1000, double sweepMsPer1000, double seedSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int due = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int[] sizes = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {10_000, 100_000};
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        System.out.println("warming up (2,000 items, not reported)…");
        measure(2_000, due, 2);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            System.out.printf(Locale.ROOT, "N = %,d: seeding…%n", size);
            rows.add(measure(size, due, rounds));
        }
        print(rows, rounds);
    }

    private static Row measure(int size, int due, int rounds) throws Exception {
        Dynalite store = Dynalite.start();
        try (DynamoDbClient dynamo = store.client()) {
            String table = "feedback";
            LocalTableBootstrap.createIfMissing(dynamo, table);
            List<Feedback> dueItems = new ArrayList<>(due);
            List<Feedback> others = new ArrayList<>(size - due);
            for (int i = 0; i < size; i++) {
                if (i < due) {
                    dueItems.add(SweepFixtures.open("ORANGE", "MALFUNCTION", SUBMITTED, Ids.newId(SUBMITTED)));
                } else {
                    // open and in the due index, but their first point (YELLOW: 50% of 48 h) is a day away
                    others.add(SweepFixtures.open("YELLOW", "EXPERIENCE", SUBMITTED, Ids.newId(SUBMITTED)));
                }
            }
            long seedStart = System.nanoTime();
            BatchSeed.putAll(dynamo, table, others.stream().map(FeedbackItems::toItem).toList());
            BatchSeed.putAll(dynamo, table, dueItems.stream().map(FeedbackItems::toItem).toList());
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            DueSweep sweep = new DueSweep(new FeedbackRepository(dynamo, table), SweepFixtures.CLOCKS, SweepSettings.DEFAULT);
            double[] dry = new double[rounds];
            double[] real = new double[rounds];
            double[] empty = new double[rounds];
            int read = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                SweepReport dryRun = sweep.run(NOW, () -> true, true);
                long t1 = System.nanoTime();
                SweepReport report = sweep.run(NOW, () -> true, false);
                long t2 = System.nanoTime();
                SweepReport nothing = sweep.run(NOW, () -> true, false);
                long t3 = System.nanoTime();
                if (dryRun.warned() != due || report.warned() != due || nothing.examined() != 0) {
                    throw new IllegalStateException("unexpected sweep: dry " + dryRun.asMap() + ", real " + report.asMap()
                            + ", again " + nothing.asMap());
                }
                read = report.read();
                dry[r] = (t1 - t0) / 1e6 * 1000 / due;
                real[r] = (t2 - t1) / 1e6 * 1000 / due;
                empty[r] = (t3 - t2) / 1e6;
                BatchSeed.putAll(dynamo, table, dueItems.stream().map(FeedbackItems::toItem).toList());
            }
            return new Row(size, due, read, median(empty), median(dry), median(real), seedSeconds);
        } finally {
            store.stop();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void print(List<Row> rows, int rounds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Sweep over the due index: dynalite in memory, %d shards, page %d, median of %d runs%n",
                com.govfeedback.storage.TableSchema.DUE_SHARDS, SweepSettings.DEFAULT.pageSize(), rounds);
        System.out.printf(Locale.ROOT, "%10s %7s %7s %10s %16s %16s %14s %10s%n", "N items", "due", "read", "read/due",
                "dry ms/1000 due", "sweep ms/1000 due", "empty run ms", "seed s");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%,10d %,7d %,7d %10.2f %16.0f %16.0f %14.1f %10.0f%n", row.size(), row.due(), row.read(),
                    (double) row.read() / row.due(), row.dryMsPer1000(), row.sweepMsPer1000(), row.emptyRunMs(), row.seedSeconds());
        }
        Row smallest = rows.get(0);
        Row largest = rows.get(rows.size() - 1);
        double extra = (largest.sweepMsPer1000() / smallest.sweepMsPer1000() - 1) * 100;
        double maxReadPerDue = rows.stream().mapToDouble(r -> (double) r.read() / r.due()).max().orElse(0);
        System.out.printf(Locale.ROOT, "items read per due item: %.2f (target ≤ 1.10) %s%n", maxReadPerDue, maxReadPerDue <= 1.1 ? "OK" : "MISSED");
        System.out.printf(Locale.ROOT, "N = %,d vs %,d: %+.0f%% time per 1,000 due items (target ≤ +20%%) %s%n", largest.size(),
                smallest.size(), extra, extra <= 20 ? "OK" : "MISSED");
    }
}
