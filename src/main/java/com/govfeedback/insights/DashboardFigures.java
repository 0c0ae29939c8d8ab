package com.govfeedback.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.insights.InsightCell.Kind;
import com.govfeedback.insights.InsightStore.InsightItem;

/**
 * What the leaders' dashboard reads for a date range, for the API and the bench alike: the range's counts, ratings,
 * cluster and domain items (one query per day; counts and clusters summed per department, as every chart of them shows
 * the whole range), the domain items of the 7 days before it (the spikes' trailing mean), and a label for each of the most
 * reported clusters (the city's first {@value #TOP_CLUSTERS} and each department's),
 * read in batches from the clusters' first feedback and member sets. Bounded by days × subjects plus departments ×
 * {@value #TOP_CLUSTERS}, whatever the number of feedback; never a Scan.
 */
public final class DashboardFigures {
    /** The spikes compare a day's volume with the mean of the days before it. */
    public static final int TRAILING_DAYS = 7;
    public static final int TOP_CLUSTERS = 10;
    private static final int EXCERPT_CHARS = 60;

    private final InsightStore store;
    private final FeedbackRepository feedback;
    private final SimilarFeedback similar;

    public DashboardFigures(InsightStore store, FeedbackRepository feedback, SimilarFeedback similar) {
        this.store = store;
        this.feedback = feedback;
        this.similar = similar;
    }

    /**
     * A cluster as the dashboard names it: its first feedback (tracking number, the start of its masked text, domain,
     * lead department) and how many feedback it holds now.
     */
    public record ClusterLabel(String clusterId, String trackingNo, String domain, String department, String excerpt, int members) {
    }

    /** A subject's counters summed over the range. */
    public record Totals(String subject, Map<String, Long> counters) {
    }

    /**
     * @param counts   per department, the COUNTS counters summed over the range (every chart of them shows the range)
     * @param ratings  per day and department (the satisfaction is shown per day)
     * @param clusters per department, the feedback that joined each of the labelled clusters in the range
     * @param domains  per day and domain, from {@code from − TRAILING_DAYS} to {@code to}
     */
    public record Figures(LocalDate from, LocalDate to, List<Totals> counts, List<InsightItem> ratings, List<Totals> clusters,
            List<InsightItem> domains, List<ClusterLabel> clusterLabels) {
    }

    public Figures read(LocalDate from, LocalDate to) {
        Map<Kind, List<InsightItem>> byKind = new HashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        store.read(EnumSet.of(Kind.DOMAIN), from.minusDays(TRAILING_DAYS), from.minusDays(1)).forEach(i -> byKind.get(Kind.DOMAIN).add(i));
        store.read(EnumSet.of(Kind.CLUSTERS, Kind.COUNTS, Kind.DOMAIN, Kind.RATINGS), from, to)
                .forEach(i -> byKind.get(i.cell().kind()).add(i));
        List<Totals> clusters = bySubject(byKind.get(Kind.CLUSTERS));
        Set<String> top = topClusters(clusters, TOP_CLUSTERS);
        return new Figures(from, to, bySubject(byKind.get(Kind.COUNTS)), byKind.get(Kind.RATINGS), only(clusters, top), byKind.get(Kind.DOMAIN),
                labels(top));
    }

    /**
     * The cluster totals of these clusters only: each ranking the console makes (the city's, a department's) ranks the same
     * first clusters from them as from all, and the answer stays bounded by departments × labelled clusters.
     */
    static List<Totals> only(List<Totals> clusterTotals, Set<String> clusters) {
        List<Totals> kept = new ArrayList<>();
        for (Totals department : clusterTotals) {
            Map<String, Long> counters = new TreeMap<>(department.counters());
            counters.keySet().removeIf(counter -> !clusters.contains(counter.substring(InsightDelta.CLUSTER_PREFIX.length())));
            if (!counters.isEmpty()) {
                kept.add(new Totals(department.subject(), counters));
            }
        }
        return kept;
    }

    /** The items' counters summed per subject, over their days. */
    static List<Totals> bySubject(List<InsightItem> items) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        items.forEach(i -> i.counters().forEach((name, count) -> sums.computeIfAbsent(i.cell().subject(), k -> new TreeMap<>())
                .merge(name, count, Long::sum)));
        return sums.entrySet().stream().map(e -> new Totals(e.getKey(), e.getValue())).toList();
    }

    /**
     * The most reported clusters of these per-department totals: the first {@code n} of the whole city and of each
     * department, most reports first, then by id (the console ranks them the same way, so each cluster it shows has its
     * label).
     */
    static Set<String> topClusters(List<Totals> clusterTotals, int n) {
        Map<String, Map<String, Long>> reports = new TreeMap<>(); // department ("" for the city) -> cluster -> reports
        for (Totals department : clusterTotals) {
            department.counters().forEach((counter, count) -> {
                if (counter.startsWith(InsightDelta.CLUSTER_PREFIX)) {
                    String cluster = counter.substring(InsightDelta.CLUSTER_PREFIX.length());
                    reports.computeIfAbsent("", k -> new HashMap<>()).merge(cluster, count, Long::sum);
                    reports.computeIfAbsent(department.subject(), k -> new HashMap<>()).merge(cluster, count, Long::sum);
                }
            });
        }
        Set<String> top = new LinkedHashSet<>();
        reports.values().forEach(scope -> scope.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n).forEach(e -> top.add(e.getKey())));
        return top;
    }

    private List<ClusterLabel> labels(Set<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        Map<String, Feedback> first = feedback.findAll(clusterIds);
        Map<String, Integer> members = similar.members(clusterIds);
        List<ClusterLabel> labels = new ArrayList<>();
        for (String id : clusterIds) {
            Feedback f = first.get(id);
            if (f != null) {
                String text = f.text() == null ? "" : f.text();
                labels.add(new ClusterLabel(id, f.trackingNo(), f.triage().domain(), f.triage().department(),
                        text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text, members.getOrDefault(id, 1)));
            }
        }
        return labels;
    }
}
