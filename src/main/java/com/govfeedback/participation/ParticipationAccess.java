package com.govfeedback.participation;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.shared.ForbiddenException;

/**
 * Who may call which participation operation: citizens act for themselves, the programme's operator is the ADMIN role,
 * and staff who review feedback (staff, supervisors, admins) review beta results. Being an evaluator is not a role but
 * the approved application the programme stores ({@code EvaluatorProgramme.requireEvaluator}).
 */
public final class ParticipationAccess {
    private ParticipationAccess() {
    }

    public static String citizen(Caller caller, String operation) {
        caller.require(Role.CITIZEN, operation);
        return caller.subject();
    }

    public static String operator(Caller caller, String operation) {
        caller.require(Role.ADMIN, operation);
        return caller.subject();
    }

    /** Beta results are case work: the same people who work feedback cases review them. */
    public static String reviewer(Caller caller, String operation) {
        CaseAccess.requireCaseWorker(caller);
        return caller.subject();
    }

    /** Citizens browse what they can redeem or claim; the operator sees the same lists. */
    public static String citizenOrOperator(Caller caller, String operation) {
        if (!caller.is(Role.CITIZEN) && !caller.is(Role.ADMIN)) {
            throw new ForbiddenException(operation + " is for citizens and admins");
        }
        return caller.subject();
    }
}
