package com.govfeedback.feedback.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.govfeedback.local.SweepOnce;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;

class SweepSettingsTest {
    @Test
    void theWaitBeforeARedriveDoublesWithEachAttemptUpToTheCap() {
        Instant due = Instant.parse("2026-03-02T02:00:00Z");
        Notification pending = Notification.pending("WARN_50:ACK#0", NotificationEvent.SLA_WARNING, "F1",
                new Recipient(Recipient.Kind.DEPARTMENT, "TAX_BUREAU"), java.util.Map.of(), due);
        java.util.List<Long> waits = new java.util.ArrayList<>();
        Notification n = pending;
        for (int i = 0; i < 7; i++) {
            waits.add(Duration.between(n.nextAttemptAt(), n.redriveAt()).toMinutes());
            n = n.redriven(n.redriveAt());
        }
        assertThat(waits).containsExactly(3L, 6L, 12L, 24L, 48L, 60L, 60L);
        // a re-driven entry is due at once, so the notifier that receives it delivers it
        Notification redriven = pending.redriven(pending.redriveAt());
        assertThat(redriven.nextAttemptAt()).isEqualTo(pending.redriveAt());
        assertThat(redriven.attempts()).isEqualTo(1);
    }

    @Test
    void atAcceptsAnInstantOrAnOffsetTimeAndRejectsALocalOne() {
        assertThat(SweepOnce.parseAt("2026-03-02T12:00+08:00")).isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));
        assertThat(SweepOnce.parseAt("2026-03-02T04:00:00Z")).isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));
        assertThatThrownBy(() -> SweepOnce.parseAt("2026-03-02T12:00")).hasMessageContaining("AT must be");
    }
}
