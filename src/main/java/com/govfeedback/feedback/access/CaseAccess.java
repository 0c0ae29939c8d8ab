package com.govfeedback.feedback.access;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;

/**
 * Who may see and act on a case, in one place for every operation. Citizens see their own; staff their department's,
 * lead or copied; supervisors, admins and the optimisation office everything. A feedback the caller may not see is reported as missing (404),
 * so ids cannot be probed. Acting is narrower than seeing: staff and supervisors work the cases their department leads
 * or is copied on, and only the lead department decides the case (a supervisor of another department reads it: 403);
 * admins act city-wide.
 */
public final class CaseAccess {
    private final FeedbackRepository repository;

    public CaseAccess(FeedbackRepository repository) {
        this.repository = repository;
    }

    public static boolean maySee(Caller caller, Feedback feedback) {
        return switch (caller.role()) {
            case CITIZEN -> caller.subject().equals(feedback.citizen());
            case SUPERVISOR, ADMIN, OPTIMISATION_OFFICE -> true;
            case STAFF -> feedback.triage().involves(caller.department());
        };
    }

    /** A feedback the caller may see; 404 for one that is missing or hidden from the caller. */
    public Feedback load(Caller caller, String id) {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required");
        }
        String wanted = id.strip();
        if (!Ids.isWellFormed(wanted)) {
            throw new NotFoundException("no feedback " + wanted);
        }
        return repository.find(wanted).filter(f -> maySee(caller, f)).orElseThrow(() -> new NotFoundException("no feedback " + wanted));
    }

    /** For work on a case: staff and supervisors of a department it involves, admins. */
    public Feedback loadForStaff(Caller caller, String id) {
        requireCaseWorker(caller);
        Feedback f = load(caller, id);
        if (caller.is(Role.SUPERVISOR) && !f.triage().involves(caller.department())) {
            throw new ForbiddenException("a supervisor works the cases of " + caller.department() + "; this one is led by "
                    + f.triage().department());
        }
        return f;
    }

    /**
     * For triage review: an item waiting in the manual triage queue belongs to no department yet, so any supervisor (and
     * staff of the department it names, to raise urgency) may take it; any other case as for {@link #loadForStaff}.
     */
    public Feedback loadForReview(Caller caller, String id) {
        requireCaseWorker(caller);
        Feedback f = load(caller, id);
        return f.triage().needsReview() && caller.is(Role.SUPERVISOR) ? f : loadForStaff(caller, id);
    }

    /** Whether the caller decides this case: a supervisor of its lead department, or of any while it waits for triage; an admin. */
    public static boolean decides(Caller caller, Feedback f) {
        return caller.is(Role.ADMIN) || caller.is(Role.SUPERVISOR)
                && (f.triage().needsReview() || f.triage().department().equals(caller.department()));
    }

    /**
     * Case work (queues, acknowledging, replying…) is for staff, supervisors and admins; citizens act on their own feedback
     * only, and the optimisation office reads cases and manages improvements but does not work cases.
     */
    public static void requireCaseWorker(Caller caller) {
        if (caller.is(Role.CITIZEN) || caller.is(Role.OPTIMISATION_OFFICE)) {
            throw new ForbiddenException("this operation is for staff, supervisors and admins");
        }
    }

    /**
     * For what decides the whole case (status, assignment, transfer, merge, appeal decisions): staff and supervisors of the
     * lead department, and admins. A copied department does its part by reading, replying and acknowledging; it does
     * not close the case.
     */
    public Feedback loadForLead(Caller caller, String id, String action) {
        Feedback f = loadForStaff(caller, id);
        if (caller.role().needsDepartment() && !caller.department().equals(f.triage().department())) {
            throw new ForbiddenException("only the lead department " + f.triage().department() + " or an admin may " + action
                    + " this feedback; a copied department may reply");
        }
        return f;
    }

    /** For what only a supervisor or an admin decides (confirming triage, appeals). */
    public static void requireSupervisor(Caller caller, String what) {
        if (!caller.seesAllDepartments()) {
            throw new ForbiddenException(what + " are for supervisors");
        }
    }
}
