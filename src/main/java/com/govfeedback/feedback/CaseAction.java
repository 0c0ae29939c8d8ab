package com.govfeedback.feedback;

/** What one history entry of a case records. */
public enum CaseAction {
    ACKNOWLEDGE, TRANSITION, TRANSFER, MERGE, ASSIGN, REPLY, RETRIAGE, RATE, APPEAL, APPEAL_DECISION
}
