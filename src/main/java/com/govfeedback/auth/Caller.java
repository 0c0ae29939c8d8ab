package com.govfeedback.auth;

import com.govfeedback.shared.ForbiddenException;

/**
 * The authenticated subject of a request, as the core sees it.
 *
 * @param subject    the token's subject: a citizen's pseudonymous account id, or a staff member's id
 * @param role       the single role the token grants
 * @param department the department code for staff and supervisors, otherwise null
 */
public record Caller(String subject, Role role, String department) {
    /** The token claim naming a staff member's department. */
    public static final String DEPARTMENT_CLAIM = "dept";

    public boolean is(Role wanted) {
        return role == wanted;
    }

    /** Staff see their department's work only; supervisors and admins see everything. */
    public boolean seesAllDepartments() {
        return role == Role.SUPERVISOR || role == Role.ADMIN;
    }

    public void require(Role wanted, String operation) {
        if (role != wanted) {
            throw new ForbiddenException(operation + " is for the " + wanted.claimValue() + " role; this token has " + role.claimValue());
        }
    }
}
