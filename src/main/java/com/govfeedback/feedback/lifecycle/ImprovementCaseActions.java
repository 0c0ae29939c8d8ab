package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.Status.CLOSED;
import static com.govfeedback.feedback.Status.MERGED;
import static com.govfeedback.feedback.Status.REJECTED;
import static com.govfeedback.feedback.Status.RESOLVED;
import static com.govfeedback.feedback.Status.WITHDRAWN;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.shared.ConflictException;

/**
 * What the improvement loop does to a case, as the system rather than a staff member: resolve it with a release note,
 * answer it automatically, note a possible regression for staff. Each is one conditional write carrying its history
 * entry and its notification, and each is idempotent (a case already resolved, already answered or already noted is
 * left as it is), so a re-driven fan-out or a retried submission repeats nothing. A concurrent staff write is retried.
 */
public final class ImprovementCaseActions {
    /** Who the history names for these steps. */
    public static final String ACTOR = "improvement-loop";
    /** The statuses after which a case is no longer open. */
    public static final Set<Status> FINISHED = EnumSet.of(RESOLVED, CLOSED, REJECTED, MERGED, WITHDRAWN);
    private static final Caller SYSTEM = new Caller(ACTOR, Role.ADMIN, null);
    private static final int ATTEMPTS = 5;

    private final FeedbackRepository repository;
    private final FeedbackClocks clocks;
    private final CaseWriter writer;
    private final Clock clock;

    public ImprovementCaseActions(FeedbackRepository repository, FeedbackClocks clocks, LifecyclePolicy policy, Clock clock) {
        this.repository = repository;
        this.clocks = clocks;
        this.writer = new CaseWriter(repository, clocks, policy);
        this.clock = clock;
    }

    /** Resolves an open case with the release note; the citizen (and followers) are told and may rate as usual. */
    public void resolveByRelease(String feedbackId, String publicNote) {
        change(feedbackId, f -> {
            if (FINISHED.contains(f.status())) {
                return null;
            }
            Instant now = now();
            Feedback changed = writer.step(f, RESOLVED, CaseAction.RELEASE_RESOLVE, SYSTEM, now, publicNote, null).withStatus(RESOLVED);
            CaseNotices notices = new CaseNotices(f, changed, now);
            notices.add(NotificationEvent.STATUS_CHANGED, notices.citizens(true), Map.of("note", publicNote));
            return writer.write(SYSTEM, notices.written(), ClockChanges.afterMove(clocks.sla(), f, RESOLVED, publicNote, now), now);
        });
    }

    /** A public reply without a state change (it stops the acknowledge clock, as a staff reply does); once per case. */
    public void replyAutomatically(String feedbackId, String publicReply) {
        change(feedbackId, f -> {
            if (FINISHED.contains(f.status()) || hasStep(f, CaseAction.AUTOMATIC_REPLY)) {
                return null;
            }
            Instant now = now();
            Feedback changed = writer.step(f, f.status(), CaseAction.AUTOMATIC_REPLY, SYSTEM, now, publicReply, null);
            CaseNotices notices = new CaseNotices(f, changed, now);
            notices.add(NotificationEvent.REPLIED, notices.citizens(false), Map.of("note", publicReply));
            return writer.write(SYSTEM, notices.written(), clocks.sla().acknowledge(f.sla(), now), now);
        });
    }

    /** An internal note for staff (not shown to the citizen) and a notice to the lead department; once per case. */
    public void notePossibleRegression(String feedbackId, String internalNote) {
        change(feedbackId, f -> {
            if (hasStep(f, CaseAction.REGRESSION_NOTE)) {
                return null;
            }
            Instant now = now();
            Feedback changed = writer.step(f, f.status(), CaseAction.REGRESSION_NOTE, SYSTEM, now, null, internalNote);
            CaseNotices notices = new CaseNotices(f, changed, now);
            notices.add(NotificationEvent.POSSIBLE_REGRESSION, CaseNotices.department(f.triage().department()), Map.of("note", internalNote));
            return writer.write(SYSTEM, notices.written(), f.sla(), now);
        });
    }

    private static boolean hasStep(Feedback f, CaseAction action) {
        return f.caseFile().history().stream().anyMatch(s -> s.action() == action);
    }

    /** Reads, applies and writes; a staff write in between (409) is read again. A missing feedback is ignored. */
    private void change(String feedbackId, Function<Feedback, Feedback> step) {
        for (int attempt = 1;; attempt++) {
            Feedback current = repository.find(feedbackId).orElse(null);
            if (current == null) {
                return;
            }
            try {
                step.apply(current);
                return;
            } catch (ConflictException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
