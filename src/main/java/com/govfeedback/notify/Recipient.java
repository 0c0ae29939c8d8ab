package com.govfeedback.notify;

/**
 * Who a notification is for.
 *
 * @param kind CITIZEN (app push to the submitting citizen), DEPARTMENT (a department's queue), ASSIGNEE (the staff member
 *             owning the item) or ESCALATION (a level of the escalation chain, e.g. DEPARTMENT_HEAD)
 * @param id   the citizen's subject, the department code, the staff member's id or the chain level's code
 */
public record Recipient(Kind kind, String id) {
    public enum Kind {
        CITIZEN, DEPARTMENT, ASSIGNEE, ESCALATION
    }

    public String key() {
        return kind + "-" + id;
    }
}
