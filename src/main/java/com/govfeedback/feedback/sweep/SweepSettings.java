package com.govfeedback.feedback.sweep;

/**
 * How the sweep pages and re-drives; when a re-drive is due is the notification's own rule ({@code Notification.redriveAt}).
 *
 * @param pageSize    items per query page of the due index
 * @param maxAttempts delivery attempts of a notification (the first one plus re-drives) before it is marked DEAD
 */
public record SweepSettings(int pageSize, int maxAttempts) {
    /** The same attempt limit as the notifier's, so both call a notification dead after the same number of attempts. */
    public static final SweepSettings DEFAULT = new SweepSettings(100, com.govfeedback.notify.DeliveryPolicy.DEFAULT.maxAttempts());

    public SweepSettings {
        if (pageSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid sweep settings: page size and attempts must be at least 1");
        }
    }

    public SweepSettings withMaxAttempts(int attempts) {
        return new SweepSettings(pageSize, attempts);
    }

    public SweepSettings withPageSize(int size) {
        return new SweepSettings(size, maxAttempts);
    }
}
