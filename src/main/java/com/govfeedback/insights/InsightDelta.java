package com.govfeedback.insights;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.govfeedback.insights.InsightCell.Kind;

/**
 * How one change of a feedback moves the aggregates: what its new image contributes minus what its old image
 * contributed, per aggregate item and counter. Pure: the same two images always give the same delta, so applying each
 * change's delta once keeps every aggregate equal to the sum over the current images.
 *
 * @param feedbackId the feedback that changed
 * @param version    the version of its new image; the store applies a delta only above the version it last applied
 * @param changes    per item, counter name → amount (never zero); per item, {@code leaving} is true when the old image
 *                   contributed to it (the store then expects to have seen this feedback there before)
 */
public record InsightDelta(String feedbackId, long version, Map<InsightCell, Map<String, Long>> changes, Map<InsightCell, Boolean> leaving) {
    /** The SCREEN and DOMAIN counters: feedback received that day, and the negative ones among them. */
    public static final String FEEDBACK = "fb";
    public static final String NEGATIVE = "neg";
    /** A CLUSTERS counter is {@code c.{cluster id}}. */
    public static final String CLUSTER_PREFIX = "c.";

    /** The delta of a change; {@code before} is null for a new feedback (feedback items are never deleted). */
    public static InsightDelta between(FeedbackFacts before, FeedbackFacts after) {
        Map<InsightCell, Map<String, Long>> oldPart = contribution(before);
        Map<InsightCell, Map<String, Long>> sum = new LinkedHashMap<>();
        contribution(after).forEach((cell, counters) -> counters.forEach((name, amount) -> add(sum, cell, name, amount)));
        oldPart.forEach((cell, counters) -> counters.forEach((name, amount) -> add(sum, cell, name, -amount)));
        sum.values().removeIf(Map::isEmpty);
        Map<InsightCell, Boolean> leaving = new HashMap<>();
        sum.keySet().forEach(cell -> leaving.put(cell, oldPart.containsKey(cell)));
        return new InsightDelta(after.id(), after.version(), sum, leaving);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * What one image adds to the aggregates: one count in its day's item, its clock times, its rating in its rating day's
     * item, one count for the cluster it joined; and the same feedback and rating once more under its screen and its
     * domain, for the satisfaction measurement and the spikes.
     */
    static Map<InsightCell, Map<String, Long>> contribution(FeedbackFacts f) {
        Map<InsightCell, Map<String, Long>> parts = new LinkedHashMap<>();
        if (f == null || f.department() == null) {
            return parts;
        }
        InsightCell counts = new InsightCell(Kind.COUNTS, f.receivedDay(), f.department());
        add(parts, counts, InsightCell.counter("n", f.colour(), f.status()), 1);
        clock(parts, counts, "ack", f.colour(), f.acknowledged());
        clock(parts, counts, "res", f.colour(), f.resolved());
        if (f.ratedDay() != null) {
            add(parts, new InsightCell(Kind.RATINGS, f.ratedDay(), f.department()), InsightCell.counter("score", Integer.toString(f.score())), 1);
        }
        if (f.clusterId() != null && !f.clusterId().equals(f.id())) {
            add(parts, new InsightCell(Kind.CLUSTERS, f.receivedDay(), f.department()), CLUSTER_PREFIX + f.clusterId(), 1);
        }
        if (f.screenPath() != null) {
            satisfaction(parts, Kind.SCREEN, f.screenPath(), f);
        }
        if (f.domain() != null) {
            satisfaction(parts, Kind.DOMAIN, f.domain(), f);
        }
        return parts;
    }

    private static void satisfaction(Map<InsightCell, Map<String, Long>> parts, Kind kind, String subject, FeedbackFacts f) {
        InsightCell received = new InsightCell(kind, f.receivedDay(), subject);
        add(parts, received, FEEDBACK, 1);
        if (f.negative()) {
            add(parts, received, NEGATIVE, 1);
        }
        if (f.ratedDay() != null) {
            add(parts, new InsightCell(kind, f.ratedDay(), subject), InsightCell.counter("score", Integer.toString(f.score())), 1);
        }
    }

    private static void clock(Map<InsightCell, Map<String, Long>> parts, InsightCell cell, String name, String colour,
            FeedbackFacts.StoppedClock clock) {
        if (clock == null) {
            return;
        }
        add(parts, cell, InsightCell.counter(name, colour, "n"), 1);
        add(parts, cell, InsightCell.counter(name, colour, "ms"), clock.took().toMillis());
        add(parts, cell, InsightCell.counter(name, colour, "late"), clock.late() ? 1 : 0);
        histogram(parts, cell, name, clock);
    }

    /** One count in the clock's duration bucket ({@code ack.h.le60}), all colours together: percentiles come from these. */
    private static void histogram(Map<InsightCell, Map<String, Long>> parts, InsightCell cell, String name,
            FeedbackFacts.StoppedClock clock) {
        add(parts, cell, InsightCell.counter(name, "h", DurationBuckets.of(clock.took())), 1);
    }

    private static void add(Map<InsightCell, Map<String, Long>> parts, InsightCell cell, String counter, long amount) {
        Map<String, Long> counters = parts.computeIfAbsent(cell, c -> new TreeMap<>());
        long total = counters.getOrDefault(counter, 0L) + amount;
        if (total == 0) {
            counters.remove(counter);
        } else {
            counters.put(counter, total);
        }
    }
}
