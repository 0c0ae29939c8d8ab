package com.govfeedback.feedback.lifecycle;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.audit.AuditEvent;
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
 * recomputed, stored in one conditional write on the version read (a stale one is a 409), with the change's audit event
 * (who, what, the notes in full) for the case's audit chain. The item keeps internal notes on its latest entries only;
 * the chain keeps every one.
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
    Feedback write(Caller by, Feedback changed, SlaState sla, Instant now) {
        Feedback stored = clocks.withSla(changed, sla, now).nextVersion();
        repository.replace(stored, auditEvent(by, stored));
        return stored;
    }

    /** The change as its newest history entry records it. */
    private static AuditEvent auditEvent(Caller by, Feedback stored) {
        List<Step> history = stored.caseFile().history();
        Step step = history.get(history.size() - 1);
        Map<String, String> details = new HashMap<>();
        details.put("from", step.from().name());
        details.put("to", step.to().name());
        details.put("publicNote", step.publicNote());
        details.put("internalNote", step.internalNote());
        return AuditEvent.change(stored.version(), step.action().name(), step.at(), by, details);
    }
}
