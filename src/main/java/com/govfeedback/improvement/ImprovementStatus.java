package com.govfeedback.improvement;

/**
 * Where an improvement stands on the public tracker. The path is PENDING_REVIEW → ACCEPTED → IN_DEVELOPMENT →
 * IN_TESTING → RELEASED; DECLINED, LONG_TERM and DUPLICATE_OF leave it. Labels and allowed moves are data
 * ({@link Tracker}, {@code improvement/tracker.json}).
 */
public enum ImprovementStatus {
    PENDING_REVIEW, ACCEPTED, IN_DEVELOPMENT, IN_TESTING, RELEASED, DECLINED, LONG_TERM, DUPLICATE_OF;

    /** Still competing for work: listed in the pool by priority. */
    public boolean inPool() {
        return this != RELEASED && this != DECLINED && this != DUPLICATE_OF;
    }

    public static ImprovementStatus parse(String value, String field) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new com.govfeedback.shared.ValidationException(field, "unknown status " + value + "; one of "
                    + java.util.Arrays.toString(values()));
        }
    }
}
