package com.govfeedback.notify;

/** What a notification reports; each has one Chinese template (notify/templates.json). */
public enum NotificationEvent {
    STATUS_CHANGED, REPLIED, ASSIGNED, SLA_WARNING, SLA_BREACHED, ESCALATED, APPEAL_DECIDED, DEFERRED_PROGRESS, FOLLOW_UP_OPENED, FOLLOW_UP_OVERDUE,
    TRANSFERRED, APPEAL_OPENED, POSSIBLE_REGRESSION, IMPROVEMENT_STATUS, PARTICIPATION
}
