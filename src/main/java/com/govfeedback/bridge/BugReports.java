package com.govfeedback.bridge;

import java.util.EnumSet;
import java.util.Set;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.participation.events.ParticipationEvents;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ValidationException;

/**
 * Staff of the lead department confirm that a citizen's fault report was a real, useful bug: the citizen is told and
 * paid BUG_CONFIRMED once per feedback. Only a fault report (the types the rule applies to) can be confirmed, and a
 * rejected or merged one earns nothing, so volume never pays.
 */
public final class BugReports {
    private static final Set<Status> EARNS_NOTHING = EnumSet.of(Status.REJECTED, Status.MERGED);

    private final CaseAccess access;
    private final ParticipationEvents events;
    private final PointRules.Rule rule;

    public BugReports(CaseAccess access, ParticipationEvents events, PointRules rules) {
        this.access = access;
        this.events = events;
        this.rule = rules.rule(ParticipationEvents.BUG_CONFIRMED);
    }

    /** 404 for a case the caller cannot see, 403 outside the lead department, 422 for another type, 409 when rejected or merged. */
    public LedgerEntry confirm(Caller staff, String feedbackId) {
        Feedback report = access.loadForLead(staff, feedbackId, "confirm a bug report of");
        if (!rule.appliesTo(report.triage().type())) {
            throw new ValidationException("feedbackId", "only a fault report (" + String.join(", ", rule.feedbackTypes().stream().sorted().toList())
                    + ") can be confirmed as a bug; this one is " + report.triage().type());
        }
        if (EARNS_NOTHING.contains(report.status())) {
            throw new ConflictException("feedback " + report.id() + " is " + report.status().chineseName() + ": it earns nothing");
        }
        return events.bugConfirmed(report.id(), report.citizen(), staff.subject());
    }
}
