package com.govfeedback.notify;

import java.time.Duration;

/**
 * How hard the notifier tries. Within one invocation a notification is sent up to {@code triesPerInvocation} times,
 * waiting {@code firstBackoff}, then twice as long, between tries. Each invocation that fails counts one attempt on the
 * item and sets the next attempt {@code retryAfter × 2^(attempts-1)} later (the sweep re-drives it); after
 * {@code maxAttempts} failed attempts the notification is DEAD.
 */
public record DeliveryPolicy(int maxAttempts, int triesPerInvocation, Duration firstBackoff, Duration retryAfter) {
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(5, 3, Duration.ofMillis(200), Duration.ofMinutes(1));

    public DeliveryPolicy {
        if (maxAttempts < 1 || triesPerInvocation < 1 || firstBackoff.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("delivery attempts must be positive and waits not negative");
        }
    }

    /** The wait before try {@code n + 1} within an invocation (n from 1). */
    Duration backoffAfterTry(int n) {
        return firstBackoff.multipliedBy(1L << Math.min(n - 1, 20));
    }

    /** How long after the {@code attempts}-th failed invocation the next one is due. */
    Duration retryAfterAttempts(int attempts) {
        return retryAfter.multipliedBy(1L << Math.min(attempts - 1, 20));
    }
}
