package com.govfeedback.insights;

import java.time.Duration;
import java.util.List;

/**
 * The fixed buckets of the clock-time histograms kept in the counts items, from which the dashboard reads percentiles
 * (p50, p90) of acknowledge and resolve times. A counter is named by its bucket's upper bound in minutes,
 * {@code ack.h.le60} (at most an hour), and the last one {@code ack.h.over43200} (over 30 days), so readers need no
 * copy of this list. The bounds are part of the items' format: changing them needs {@code make insights-rebuild}.
 */
final class DurationBuckets {
    /** Upper bounds in minutes: 15 and 30 minutes, 1, 2, 4, 8, 12 hours, 1, 2, 3, 5, 7, 10, 15, 30 days. */
    static final List<Long> UPPER_BOUNDS_MINUTES = List.of(15L, 30L, 60L, 120L, 240L, 480L, 720L, 1440L, 2880L, 4320L,
            7200L, 10080L, 14400L, 21600L, 43200L);

    private DurationBuckets() {
    }

    /** The bucket's name for a clock that ran this long: {@code le{minutes}} of the first bound it does not exceed. */
    static String of(Duration took) {
        for (long bound : UPPER_BOUNDS_MINUTES) {
            if (took.compareTo(Duration.ofMinutes(bound)) <= 0) {
                return "le" + bound;
            }
        }
        return "over" + UPPER_BOUNDS_MINUTES.get(UPPER_BOUNDS_MINUTES.size() - 1);
    }
}
