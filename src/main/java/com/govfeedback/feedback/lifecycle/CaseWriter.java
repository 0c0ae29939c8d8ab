package com.govfeedback.feedback.lifecycle;

import java.time.Instant;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile.Step;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.sla.SlaState;

/**
 * How every lifecycle change is written: the feedback with one more history entry, its clocks and index times
 * recomputed, stored in one conditional write on the version read (a stale one is a 409).
 */
final class CaseWriter {
    private final FeedbackRepository repository;
    private final FeedbackClocks clocks;
    private final LifecyclePolicy policy;

    CaseWriter(FeedbackRepository repository, FeedbackClocks clocks, LifecyclePolicy policy) {
        this.repository = repository;
        this.clocks = clocks;
        this.policy = policy;
    }

    /** The feedback with one more history entry. */
    Feedback step(Feedback f, Status to, CaseAction action, Caller caller, Instant at, String publicNote, String internalNote) {
        return f.withCaseFile(f.caseFile().withStep(new Step(action, f.status(), to, caller.subject(), at, publicNote, internalNote),
                policy.internalNotesKept()));
    }

    /** Stores {@code changed} (which still carries the version read) with {@code sla}; returns what was stored. */
    Feedback write(Feedback changed, SlaState sla, Instant now) {
        Feedback stored = clocks.withSla(changed, sla, now).nextVersion();
        repository.replace(stored);
        return stored;
    }
}
