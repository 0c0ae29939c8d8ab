package com.govfeedback.feedback;

/** What one history entry of a case records. */
public enum CaseAction {
    ACKNOWLEDGE, TRANSITION, TRANSFER, MERGE, ASSIGN, REPLY, RETRIAGE, RATE, APPEAL, APPEAL_DECISION,
    /** The improvement loop: resolved by a release, answered automatically, noted as a possible regression. */
    RELEASE_RESOLVE, AUTOMATIC_REPLY, REGRESSION_NOTE,
    /** The citizen's own steps: withdrawing before acknowledgement, answering a request for more information. */
    WITHDRAW, SUPPLEMENT,
    /** Staff record the outcome of a 回访 call after a bad rating. */
    FOLLOW_UP
}
