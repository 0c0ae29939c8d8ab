package com.govfeedback.improvement.ports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stored satisfaction signals for screens and domains, counted per Beijing day; implemented over the dashboard's daily
 * aggregates, so a window of days costs one read per day and screen (or domain), never a read per feedback.
 */
public interface RatingSource {
    /**
     * The counts of the days {@code from} (included) to {@code until} (excluded) about any of the screens or, when
     * {@code screenPaths} is empty, any of the domains.
     */
    Tally tally(Set<String> screenPaths, Set<String> domains, LocalDate from, LocalDate until);

    /**
     * What was counted.
     *
     * @param feedback feedback submitted on those days
     * @param negative of those, the ones with negative sentiment
     * @param scores   好差评 ratings given on those days: score 1–5 → how many
     */
    record Tally(long feedback, long negative, Map<Integer, Long> scores) {
        public static final Tally NONE = new Tally(0, 0, Map.of());

        public Tally {
            scores = Map.copyOf(scores);
        }

        public Tally plus(Tally other) {
            Map<Integer, Long> sum = new HashMap<>(scores);
            other.scores.forEach((score, count) -> sum.merge(score, count, Long::sum));
            return new Tally(feedback + other.feedback, negative + other.negative, sum);
        }

        public long rated() {
            return scores.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
