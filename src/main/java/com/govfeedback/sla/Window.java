package com.govfeedback.sla;

import java.time.Duration;

/**
 * A length of time on one clock basis: calendar hours, or working days of the PRC calendar.
 * Working days are measured as 24 hours of working time each (a working day counts whole, from 00:00 to 24:00).
 */
public record Window(long amount, Basis basis) {
    public enum Basis {
        HOURS,
        WORKING_DAYS
    }

    public Window {
        if (amount <= 0) {
            throw new IllegalArgumentException("a window must be positive, got " + amount);
        }
    }

    public static Window hours(long hours) {
        return new Window(hours, Basis.HOURS);
    }

    public static Window workingDays(long days) {
        return new Window(days, Basis.WORKING_DAYS);
    }

    /** The window's length measured on its own basis: calendar time for hours, working time for working days. */
    public Duration length() {
        return basis == Basis.HOURS ? Duration.ofHours(amount) : Duration.ofDays(amount);
    }

    @Override
    public String toString() {
        return amount + (basis == Basis.HOURS ? "h" : " working days");
    }
}
