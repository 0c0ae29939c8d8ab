package com.govfeedback.feedback.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.store.FeedbackRepository.DuePage;
import com.govfeedback.notify.Notification;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.StoreUnavailableException;
import com.govfeedback.sla.SlaState;
import com.govfeedback.sla.TimerAction;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled sweep: reads the items whose next timer point has come from the due index (shard by shard, oldest
 * first, never a Scan), applies every SLA timer action each owes with its notifications, adds the quarterly progress
 * notices a DEFERRED item owes its citizen, re-drives notifications the stream has not delivered, and writes each item
 * back in one conditional write on the version it read. A competing writer wins the condition and this run leaves the
 * item, still due, to the next one; so nothing is applied or notified twice, even by two sweeps at once.
 */
public final class DueSweep {
    private static final Logger LOG = Logger.getLogger(DueSweep.class);

    private final FeedbackRepository repository;
    private final FeedbackClocks clocks;
    private final SweepSettings settings;

    public DueSweep(FeedbackRepository repository, FeedbackClocks clocks, SweepSettings settings) {
        this.repository = repository;
        this.clocks = clocks;
        this.settings = settings;
    }

    /**
     * One run as of {@code now}. Before each item it asks {@code hasTime}; when that says no, the rest is left for the
     * next run. A dry run decides and counts the same way but writes nothing.
     */
    public SweepReport run(Instant now, BooleanSupplier hasTime, boolean dryRun) {
        Tally tally = new Tally();
        boolean complete = sweepShards(now, hasTime, dryRun, tally);
        SweepReport report = tally.report(complete, dryRun);
        LOG.infof("sweep as of %s%s: %s", now, dryRun ? " (dry run, nothing written)" : "", report.asMap());
        return report;
    }

    /** True when every shard was read to the end. */
    private boolean sweepShards(Instant now, BooleanSupplier hasTime, boolean dryRun, Tally tally) {
        int first = firstShard(now);
        for (int i = 0; i < TableSchema.DUE_SHARDS; i++) {
            int shard = (first + i) % TableSchema.DUE_SHARDS;
            Map<String, AttributeValue> start = null;
            do {
                if (!hasTime.getAsBoolean()) {
                    return false;
                }
                DuePage page;
                try {
                    page = repository.dueItems(shard, now, settings.pageSize(), start);
                } catch (StoreUnavailableException busy) {
                    LOG.warnf("sweep stopped: the store did not answer the due-index query (%s)", busy.getMessage());
                    return false;
                }
                tally.read += page.read();
                List<Feedback> items = page.items();
                for (int k = 0; k < items.size(); k++) {
                    if (!hasTime.getAsBoolean()) {
                        leaveForLater(items.subList(k, items.size()), now, tally);
                        return false;
                    }
                    try {
                        sweep(items.get(k), now, dryRun, tally);
                    } catch (StoreUnavailableException busy) {
                        LOG.warnf("sweep stopped: the store did not take a write (%s)", busy.getMessage());
                        leaveForLater(items.subList(k, items.size()), now, tally);
                        return false;
                    } catch (RuntimeException broken) {
                        // one item the sweep cannot write (e.g. over the item size limit) must not hold up its shard
                        LOG.errorf(broken, "sweep could not handle feedback %s; it stays due, the shard goes on", items.get(k).id());
                        leaveForLater(items.subList(k, k + 1), now, tally);
                    }
                }
                start = page.nextStart();
            } while (start != null);
        }
        return true;
    }

    /**
     * Runs start at a shard that moves on every minute, so that when runs keep hitting the time limit no shard waits
     * behind the others for ever.
     */
    static int firstShard(Instant now) {
        return (int) Math.floorMod(now.getEpochSecond() / 60, (long) TableSchema.DUE_SHARDS);
    }

    private void sweep(Feedback read, Instant now, boolean dryRun, Tally tally) {
        tally.examined++;
        Plan plan = plan(read, now);
        if (!plan.changes(read)) {
            return;
        }
        if (!dryRun) {
            try {
                repository.replace(plan.changed.nextVersion());
            } catch (ConflictException changedMeanwhile) {
                // someone else wrote it first (staff, or another sweep that did this work); it stays due if anything is left
                tally.conflicts++;
                return;
            }
        }
        tally.add(plan);
    }

    private void leaveForLater(List<Feedback> rest, Instant now, Tally tally) {
        tally.leftForLater += rest.size();
        for (Feedback feedback : rest) {
            if (plan(feedback, now).overdue()) {
                tally.overdueUnhandled++;
            }
        }
    }

    /** What one item owes as of {@code now}, and the item with all of it done (same version, index times recomputed). */
    Plan plan(Feedback read, Instant now) {
        Plan plan = new Plan();
        List<Notification> outbox = new ArrayList<>(read.outbox().size() + 4);
        for (Notification notification : read.outbox()) {
            outbox.add(redriveIfDue(notification, now, plan));
        }
        Set<String> ids = new HashSet<>();
        outbox.forEach(notification -> ids.add(notification.id()));
        SlaState sla = read.sla();
        for (TimerAction action : clocks.timers().dueActions(read.sla(), now)) {
            sla = clocks.timers().apply(sla, action);
            plan.count(action);
            for (Notification notification : TimerNotifications.of(read, action, clocks.sla().view(sla, now), now, clocks.zone())) {
                if (ids.add(notification.id())) {
                    outbox.add(notification);
                }
            }
        }
        Feedback changed = read;
        Instant noticeAt = clocks.nextDeferredNoticeAt(changed);
        while (noticeAt != null && !noticeAt.isAfter(now)) {
            CaseFile.Deferral deferral = changed.caseFile().deferral().noticed();
            changed = changed.withCaseFile(changed.caseFile().withDeferral(deferral));
            plan.deferredNotices++;
            Notification notice = TimerNotifications.deferredProgress(changed, deferral.noticesSent(), noticeAt, now, clocks.zone());
            if (ids.add(notice.id())) {
                outbox.add(notice);
            }
            noticeAt = clocks.nextDeferredNoticeAt(changed);
        }
        Instant followUpDue = FeedbackClocks.followUpOverdueAt(changed);
        if (followUpDue != null && !followUpDue.isAfter(now)) {
            changed = changed.withCaseFile(changed.caseFile().withFollowUp(changed.caseFile().followUp().noticedOverdue()));
            plan.followUpsOverdue++;
            for (Notification notice : TimerNotifications.followUpOverdue(changed, followUpDue, now, clocks.zone())) {
                if (ids.add(notice.id())) {
                    outbox.add(notice);
                }
            }
        }
        plan.changed = clocks.withSla(changed.withOutbox(outbox), sla, now);
        return plan;
    }

    /**
     * A pending notification whose re-drive time has come ({@link Notification#redriveAt()}) counts one more attempt and
     * is due at once; rewriting the item gives the notifier a new stream record carrying it. After the last attempt it
     * is DEAD.
     */
    private Notification redriveIfDue(Notification n, Instant now, Plan plan) {
        if (n.state() != Notification.State.PENDING || now.isBefore(n.redriveAt())) {
            return n;
        }
        if (n.attempts() >= settings.maxAttempts()) {
            plan.dead++;
            return new Notification(n.id(), n.event(), n.feedbackId(), n.recipient(), n.params(), n.createdAt(), n.attempts(),
                    n.nextAttemptAt(), Notification.State.DEAD);
        }
        plan.redriven++;
        return n.redriven(now);
    }

    /** One item's decisions: the changed item and what it counts for. */
    static final class Plan {
        Feedback changed;
        int warned;
        int breached;
        int escalated;
        int deferredNotices;
        int followUpsOverdue;
        int redriven;
        int dead;

        void count(TimerAction action) {
            switch (action) {
                case TimerAction.Warning warning -> warned++;
                case TimerAction.Breach breach -> breached++;
                case TimerAction.Escalation escalation -> escalated++;
            }
        }

        boolean overdue() {
            return breached + escalated > 0;
        }

        /** False when there is nothing to write: no action, no re-drive, and the index times already right. */
        boolean changes(Feedback read) {
            return warned + breached + escalated + deferredNotices + followUpsOverdue + redriven + dead > 0
                    || !Objects.equals(read.nextTimerAt(), changed.nextTimerAt())
                    || !Objects.equals(read.nearestDueAt(), changed.nearestDueAt());
        }
    }

    /** The counts of one run, added up as it goes. */
    private static final class Tally {
        int examined;
        int warned;
        int breached;
        int escalated;
        int deferredNotices;
        int redriven;
        int dead;
        int conflicts;
        int leftForLater;
        int overdueUnhandled;
        int read;

        void add(Plan plan) {
            warned += plan.warned;
            breached += plan.breached;
            escalated += plan.escalated;
            deferredNotices += plan.deferredNotices;
            redriven += plan.redriven;
            dead += plan.dead;
        }

        SweepReport report(boolean complete, boolean dryRun) {
            return new SweepReport(examined, warned, breached, escalated, deferredNotices, redriven, dead, conflicts, leftForLater, overdueUnhandled,
                    read, complete, dryRun);
        }
    }
}
