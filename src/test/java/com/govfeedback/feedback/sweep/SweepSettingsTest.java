package com.govfeedback.feedback.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SweepSettingsTest {
    @Test
    void theWaitBetweenRedrivesDoublesUpToTheCap() {
        SweepSettings settings = new SweepSettings(100, 8, Duration.ofMinutes(1), Duration.ofMinutes(10));

        assertThat(java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(settings::retryAfter).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    @Test
    void atAcceptsAnInstantOrAnOffsetTimeAndRejectsALocalOne() {
        assertThat(SweepOnce.parseAt("2026-03-02T12:00+08:00")).isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));
        assertThat(SweepOnce.parseAt("2026-03-02T04:00:00Z")).isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));
        assertThatThrownBy(() -> SweepOnce.parseAt("2026-03-02T12:00")).hasMessageContaining("AT must be");
    }
}
