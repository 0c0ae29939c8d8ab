package com.govfeedback.improvement.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.govfeedback.improvement.Improvement;
import com.govfeedback.improvement.ImprovementStatus;
import com.govfeedback.improvement.ports.FeedbackActions;
import com.govfeedback.improvement.store.ImprovementNotice;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.LinkRecord;

/**
 * Tells every citizen linked to an improvement of a status change, exactly once each, however many there are and
 * however often the work is interrupted. The status change records the pending fan-out (notice id, cursor) in the same
 * conditional write as the change; this worker pages the link items after the cursor, writes one notice item per
 * citizen with {@code attribute_not_exists} (a repeat is a no-op), then moves the cursor on conditionally. A crash
 * loses at most the page in hand, whose notices are rewritten as no-ops on resumption; the sweep resumes every
 * pending fan-out ({@link #resumePending}). The fan-out of a release also resolves each linked open case with the
 * release note ({@link FeedbackActions#resolveByRelease}, idempotent), so that too survives a crash.
 */
public final class NoticeFanOut {
    public static final int PAGE_SIZE = 100;

    private final ImprovementStore store;
    private final FeedbackActions actions;
    private final Predicate<ImprovementNotice> noticeWriter;

    public NoticeFanOut(ImprovementStore store, FeedbackActions actions) {
        this(store, actions, store::putNotice);
    }

    /** A fan-out writing notices through {@code noticeWriter} (true when it wrote, false when the notice existed). */
    public NoticeFanOut(ImprovementStore store, FeedbackActions actions, Predicate<ImprovementNotice> noticeWriter) {
        this.store = store;
        this.actions = actions;
        this.noticeWriter = noticeWriter;
    }

    /** What a run did: notices written, notices found written already, link pages read, whether everything is done. */
    public record Report(long written, long alreadyWritten, long pages, boolean finished) {
        Report plus(Report other) {
            return new Report(written + other.written, alreadyWritten + other.alreadyWritten, pages + other.pages, finished && other.finished);
        }
    }

    /**
     * Runs the improvement's pending fan-outs, oldest first, until done or until {@code maxPages} link pages are read (the
     * rest stays pending for the sweep).
     */
    public Report run(String improvementId, int maxPages) {
        Report total = new Report(0, 0, 0, true);
        Improvement improvement = store.find(improvementId).orElse(null);
        if (improvement == null) {
            return total;
        }
        List<Improvement.FanOut> pending = improvement.fanOuts().values().stream()
                .sorted(Comparator.comparing(Improvement.FanOut::at).thenComparing(Improvement.FanOut::noticeId)).toList();
        for (Improvement.FanOut fanOut : pending) {
            Report report = runOne(improvementId, fanOut, maxPages - (int) total.pages());
            total = total.plus(report);
            if (!report.finished()) {
                break;
            }
        }
        return total;
    }

    private Report runOne(String improvementId, Improvement.FanOut fanOut, int maxPages) {
        String cursor = fanOut.cursor();
        long written = 0;
        long already = 0;
        long pages = 0;
        while (pages < maxPages) {
            ImprovementStore.LinkPage page = store.links(improvementId, Improvement.FanOut.START.equals(cursor) ? null : cursor, PAGE_SIZE);
            pages++;
            Set<String> told = new HashSet<>();
            for (LinkRecord link : page.links()) {
                if (fanOut.status() == ImprovementStatus.RELEASED) {
                    actions.resolveByRelease(link.feedbackId(), improvementId, fanOut.text());
                }
                if (told.add(link.citizen())) {
                    boolean wrote = noticeWriter.test(new ImprovementNotice(fanOut.noticeId(), improvementId, link.citizen(), fanOut.status().name(),
                            fanOut.text(), fanOut.at()));
                    if (wrote) {
                        written++;
                    } else {
                        already++;
                    }
                }
            }
            if (page.lastSortKey() == null) {
                store.finishFanOut(improvementId, fanOut.noticeId(), cursor);
                return new Report(written, already, pages, true);
            }
            if (!store.advanceFanOut(improvementId, fanOut.noticeId(), cursor, page.lastSortKey())) {
                // another worker moved this fan-out on (or finished it): it carries on from there
                return new Report(written, already, pages, false);
            }
            cursor = page.lastSortKey();
        }
        return new Report(written, already, pages, false);
    }

    /** The sweep's step: resumes every fan-out pending since at or before {@code now}, a bounded number of improvements per call. */
    public Report resumePending(Instant now, int maxImprovements, int maxPagesEach) {
        Report total = new Report(0, 0, 0, true);
        for (String improvementId : store.pendingFanOuts(now, maxImprovements)) {
            total = total.plus(run(improvementId, maxPagesEach));
        }
        return total;
    }
}
