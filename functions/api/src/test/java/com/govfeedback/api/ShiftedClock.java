package com.govfeedback.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** The API's clock in tests: the real time, moved forward when a test needs a window to have passed. */
public class ShiftedClock extends Clock {
    private static volatile Duration offset = Duration.ZERO;

    static void shift(Duration by) {
        offset = by;
    }

    static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Replaces the application's system clock for the test run. */
    @ApplicationScoped
    static class Producer {
        @Produces
        @Alternative
        @Priority(1)
        @ApplicationScoped
        Clock clock() {
            return new ShiftedClock();
        }
    }
}
