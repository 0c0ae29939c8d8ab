package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.Status.CLOSED;
import static com.govfeedback.feedback.Status.MERGED;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.lifecycle.CaseTexts.Text;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.sla.SlaState;

/**
 * Merges a duplicate into the original: the duplicate becomes MERGED (its clocks stop), and its submitter, followers and
 * "me too" count move to the original. Two single-item conditional writes, duplicate first; calling merge again completes
 * an interrupted merge and never counts a duplicate twice (the original remembers what it absorbed). A duplicate is of
 * the original's business domain or similar-feedback cluster; merging across both is a supervisor's decision with a
 * reason, kept in the duplicate's history. The merged citizen may appeal the merge like any decision
 * ({@link CaseService#appeal}).
 */
public final class CaseMerge {
    /** How often a merge re-reads the original when a concurrent change got in first. */
    private static final int ATTEMPTS = 3;

    private final FeedbackRepository repository;
    private final FeedbackClocks clocks;
    private final CaseAccess access;
    private final RequestRules rules;
    private final CaseWriter writer;
    private final CaseTexts texts;
    private final LifecyclePolicy policy;
    private final FeedbackViews views;
    private final Clock clock;

    public CaseMerge(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            RequestRules rules, CaseTexts texts, Clock clock) {
        this.repository = repository;
        this.clocks = clocks;
        this.access = new CaseAccess(repository);
        this.rules = rules;
        this.writer = new CaseWriter(repository, clocks, policy);
        this.texts = texts;
        this.policy = policy;
        this.views = views;
        this.clock = clock;
    }

    public FeedbackView merge(Caller caller, CaseRequests.Merge request) {
        Feedback duplicate = access.loadForLead(caller, request.id(), "merge");
        String into = RequestRules.required(request.into(), "into");
        if (into.equals(duplicate.id())) {
            throw new ValidationException("into", "a feedback cannot be merged into itself");
        }
        Feedback original = access.load(caller, into);
        if (original.status() == MERGED || original.status() == CLOSED) {
            throw new ConflictException("feedback " + into + " is " + original.status() + " and cannot take duplicates");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (duplicate.status() != MERGED) {
            RequestRules.requireVersion(duplicate, request.version());
            if (!StateMachine.MERGEABLE.contains(duplicate.status())) {
                throw new ConflictException(duplicate.status() + " (" + duplicate.status().chineseName() + ") is already decided; only "
                        + StateMachine.MERGEABLE + " can be merged");
            }
            String unrelatedReason = reasonToMergeUnrelated(caller, duplicate, original, request.reason());
            String note = rules.publicNote(request.publicNote(), "publicNote",
                    texts.text(Text.MERGED_AS_DUPLICATE, Map.of("trackingNo", original.trackingNo())));
            String internalNote = rules.internalNote(request.internalNote());
            if (unrelatedReason != null) {
                String why = texts.text(Text.MERGED_UNRELATED, Map.of("domain", duplicate.triage().domain(), "intoDomain",
                        original.triage().domain(), "reason", unrelatedReason));
                internalNote = internalNote == null ? why : why + "\n" + internalNote;
            }
            SlaState sla = duplicate.sla();
            if (sla.clock(ClockKind.RESOLVE).orElseThrow().isRunning()) {
                sla = clocks.sla().resolve(sla, now);
            }
            Feedback changed = writer.step(duplicate.withCaseFile(duplicate.caseFile().withMergedInto(into)), MERGED, CaseAction.MERGE,
                    caller, now, note, internalNote).withStatus(MERGED);
            CaseNotices notices = new CaseNotices(duplicate, changed, now);
            notices.add(NotificationEvent.STATUS_CHANGED, notices.citizens(true), Map.of("note", note, "into", original.trackingNo()));
            writer.write(caller, notices.written(), sla, now);
            duplicate = repository.find(duplicate.id()).orElseThrow();
        } else if (!into.equals(duplicate.caseFile().mergedInto())) {
            throw new ConflictException("feedback " + duplicate.id() + " is already merged into " + duplicate.caseFile().mergedInto());
        }
        return views.of(caller, absorb(caller, original, duplicate, now));
    }

    /**
     * Null when the two are related (same business domain or same similar-feedback cluster); otherwise the reason of the
     * supervisor who decides the duplicate ({@link CaseAccess#decides}), required.
     */
    private String reasonToMergeUnrelated(Caller caller, Feedback duplicate, Feedback original, String reason) {
        if (duplicate.triage().domain().equals(original.triage().domain()) || duplicate.similar().clusterId().equals(original.similar().clusterId())) {
            return null;
        }
        if (!CaseAccess.decides(caller, duplicate)) {
            throw new ForbiddenException("feedback " + original.id() + " is of another domain (" + original.triage().domain() + ", not "
                    + duplicate.triage().domain() + ") and another similar-feedback cluster: merging into it is for a supervisor of "
                    + duplicate.triage().department() + ", with a reason");
        }
        return rules.publicNote(reason, "reason", null);
    }

    /** The original's half of a merge, retried on a concurrent change; a duplicate already absorbed is left alone. */
    private Feedback absorb(Caller caller, Feedback original, Feedback duplicate, Instant now) {
        Feedback current = original;
        for (int attempt = 1;; attempt++) {
            if (current.caseFile().mergedFrom().contains(duplicate.id())) {
                return current;
            }
            CaseFile file = current.caseFile().withMergedDuplicate(duplicate.id(), duplicate.citizen(), duplicate.caseFile(),
                    policy.followersKept());
            Feedback changed = writer.step(current.withCaseFile(file), current.status(), CaseAction.MERGE, caller, now,
                    texts.text(Text.ABSORBED_DUPLICATE, Map.of("trackingNo", duplicate.trackingNo())), null);
            try {
                return writer.write(caller, new CaseNotices(current, changed, now).written(), current.sla(), now);
            } catch (ConflictException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                current = repository.find(current.id()).orElseThrow();
            }
        }
    }
}
