package com.govfeedback.improvement.service;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.improvement.Improvement;
import com.govfeedback.shared.ForbiddenException;

/**
 * Who may do what with an improvement: the optimisation office and supervisors of the lead department manage it (move,
 * grade); staff of the lead department propose and update it and link feedback; citizens read public views and support.
 */
final class ImprovementAccess {
    private ImprovementAccess() {
    }

    static boolean manages(Caller caller, Improvement improvement) {
        return caller.is(Role.OPTIMISATION_OFFICE) || caller.is(Role.SUPERVISOR) && improvement.leadDepartment().equals(caller.department());
    }

    static boolean leads(Caller caller, Improvement improvement) {
        return manages(caller, improvement) || caller.is(Role.STAFF) && improvement.leadDepartment().equals(caller.department());
    }

    /** Sees the staff view: those who lead it, the co-operating departments, admins. */
    static boolean seesInternals(Caller caller, Improvement improvement) {
        return leads(caller, improvement) || caller.is(Role.ADMIN)
                || (caller.is(Role.STAFF) || caller.is(Role.SUPERVISOR)) && improvement.coDepartments().contains(caller.department());
    }

    static void requireManages(Caller caller, Improvement improvement, String operation) {
        if (!manages(caller, improvement)) {
            throw new ForbiddenException(operation + " is for the optimisation office or a supervisor of " + improvement.leadDepartment());
        }
    }

    static void requireLeads(Caller caller, Improvement improvement, String operation) {
        if (!leads(caller, improvement)) {
            throw new ForbiddenException(operation + " is for the optimisation office or " + improvement.leadDepartment() + " (the lead department)");
        }
    }

    /** Checked before anything is read: only the office, supervisors and staff may ever lead an improvement. */
    static void requireRoleThatLeads(Caller caller, String operation) {
        if (!caller.is(Role.OPTIMISATION_OFFICE) && !caller.is(Role.SUPERVISOR) && !caller.is(Role.STAFF)) {
            throw new ForbiddenException(operation + " is for the optimisation office or the lead department's staff and supervisors");
        }
    }

    /** Checked before anything is read: only the office and supervisors may ever manage an improvement. */
    static void requireRoleThatManages(Caller caller, String operation) {
        if (!caller.is(Role.OPTIMISATION_OFFICE) && !caller.is(Role.SUPERVISOR)) {
            throw new ForbiddenException(operation + " is for the optimisation office or a supervisor of the lead department");
        }
    }

    /** Proposing: the office for any department, staff and supervisors for their own. */
    static void requireMayPropose(Caller caller, String leadDepartment) {
        boolean own = (caller.is(Role.STAFF) || caller.is(Role.SUPERVISOR)) && leadDepartment.equals(caller.department());
        if (!caller.is(Role.OPTIMISATION_OFFICE) && !own) {
            throw new ForbiddenException("proposing an improvement led by " + leadDepartment + " is for the optimisation office or that department");
        }
    }

    /** The internal pool: the office everywhere, staff and supervisors for their department only. */
    static void requireMayListPool(Caller caller, String department) {
        if (caller.is(Role.OPTIMISATION_OFFICE) || caller.is(Role.ADMIN)) {
            return;
        }
        if ((caller.is(Role.STAFF) || caller.is(Role.SUPERVISOR)) && department != null && department.equals(caller.department())) {
            return;
        }
        throw new ForbiddenException("the improvement pool is for the optimisation office; departments list their own (department = "
                + (caller.department() == null ? "theirs" : caller.department()) + ")");
    }
}
