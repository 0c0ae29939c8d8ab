package com.govfeedback.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily anchor job (a step of the sweep, cheap enough for every run: one query when there is nothing to do). Every
 * completed city day after the last anchored one gets an anchor, also a day without entries, so the anchors form an
 * unbroken chain of days; the very first anchor is for yesterday. A day counts as completed a few minutes after its end,
 * so an entry still being appended at midnight lands in the day it is recorded in.
 */
public final class DailyAnchors {
    static final Duration GRACE = Duration.ofMinutes(5);
    /** Days one run anchors at most (after a long outage the next runs catch up). */
    static final int DAYS_PER_RUN = 31;

    private final AuditStore store;
    private final AnchorSink sink;

    public DailyAnchors(AuditStore store, AnchorSink sink) {
        this.store = store;
        this.sink = sink;
    }

    /** Anchors the completed days not anchored yet, oldest first; answers them. */
    public List<LocalDate> anchorCompletedDays(Instant now) {
        LocalDate lastCompleted = AuditKeys.dayOf(now.minus(GRACE)).minusDays(1);
        Optional<AuditStore.AnchorMark> latest = store.latestAnchor();
        LocalDate day = latest.map(mark -> mark.day().plusDays(1)).orElse(lastCompleted);
        String previous = latest.map(AuditStore.AnchorMark::hash).orElse(AuditEntry.GENESIS);
        List<LocalDate> anchored = new ArrayList<>();
        while (!day.isAfter(lastCompleted) && anchored.size() < DAYS_PER_RUN) {
            Anchor anchor = Anchor.of(day, previous, new ArrayList<>(store.headsOn(day).values()));
            sink.write(anchor);
            store.recordAnchor(anchor);
            anchored.add(day);
            previous = anchor.hash();
            day = day.plusDays(1);
        }
        return anchored;
    }
}
