package com.govfeedback.feedback.sweep;

import java.time.Duration;

/**
 * How the sweep pages and re-drives.
 *
 * @param pageSize    items per query page of the due index
 * @param maxAttempts delivery attempts of a notification (the first one plus re-drives) before it is marked DEAD
 * @param firstRetry  the wait after the first re-drive; it doubles with each further one
 * @param maxRetry    the longest wait between two re-drives
 */
public record SweepSettings(int pageSize, int maxAttempts, Duration firstRetry, Duration maxRetry) {
    public static final SweepSettings DEFAULT = new SweepSettings(100, 8, Duration.ofMinutes(1), Duration.ofHours(1));

    public SweepSettings {
        if (pageSize < 1 || maxAttempts < 1 || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("invalid sweep settings: page size and attempts at least 1, 0 <= firstRetry <= maxRetry");
        }
    }

    public SweepSettings withMaxAttempts(int attempts) {
        return new SweepSettings(pageSize, attempts, firstRetry, maxRetry);
    }

    public SweepSettings withPageSize(int size) {
        return new SweepSettings(size, maxAttempts, firstRetry, maxRetry);
    }

    /** The wait before the re-drive after {@code attempts} attempts: firstRetry, 2×, 4×… up to maxRetry. */
    Duration retryAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
