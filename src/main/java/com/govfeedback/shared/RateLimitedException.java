package com.govfeedback.shared;

/** Thrown when a caller has used up a quota; {@link #retryAfterSeconds()} says when it refills. */
public final class RateLimitedException extends ProblemException {
    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(429, "Too many requests", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
