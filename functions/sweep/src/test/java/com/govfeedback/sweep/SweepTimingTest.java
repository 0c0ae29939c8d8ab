package com.govfeedback.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which moment a run acts as of, and how long it may take. */
class SweepTimingTest {
    private static final Instant NOW = Instant.parse("2026-03-03T04:00:30Z");

    @Test
    void aRunActsAsOfTheScheduledTimeButNeverLaterThanNow() {
        assertThat(SweepHandler.asOf(Map.of("time", "2026-03-03T04:00:00Z"), NOW)).isEqualTo(Instant.parse("2026-03-03T04:00:00Z"));
        assertThat(SweepHandler.asOf(Map.of("time", "2027-01-01T00:00:00Z"), NOW)).isEqualTo(NOW);
        assertThat(SweepHandler.asOf(Map.of("time", "yesterday"), NOW)).isEqualTo(NOW);
        assertThat(SweepHandler.asOf(Map.of(), NOW)).isEqualTo(NOW);
    }

    @Test
    void theSatisfactionChangeIsMeasuredByTheRunScheduledInTheConfiguredBeijingMinute() {
        LocalTime three = LocalTime.of(3, 0);
        assertThat(SweepHandler.measuresSatisfaction(Instant.parse("2026-03-02T19:00:00Z"), three)).isTrue();
        assertThat(SweepHandler.measuresSatisfaction(Instant.parse("2026-03-02T19:00:59Z"), three)).isTrue();
        assertThat(SweepHandler.measuresSatisfaction(Instant.parse("2026-03-02T19:01:00Z"), three)).isFalse();
        assertThat(SweepHandler.measuresSatisfaction(Instant.parse("2026-03-03T03:00:00Z"), three)).as("03:00 UTC is 11:00 in Beijing").isFalse();
    }

    @Test
    void aRunStopsASafetyMarginBeforeTheLimitAndUsesTheFallbackWithoutADeadline() {
        Duration margin = Duration.ofSeconds(5);
        Duration fallback = Duration.ofSeconds(45);

        assertThat(SweepHandler.budget(40_000, margin, fallback)).isEqualTo(Duration.ofSeconds(35));
        assertThat(SweepHandler.budget(20_000, margin, fallback)).isEqualTo(Duration.ofSeconds(15));
        assertThat(SweepHandler.budget(3_000, margin, fallback)).isEqualTo(Duration.ZERO);
        assertThat(SweepHandler.budget(-1_700_000, margin, fallback)).isEqualTo(fallback);
    }
}
