package com.govfeedback.feedback.access;

/** What staff see of a case that the case's audit chain records besides its changes. */
public enum StaffRead {
    /** The case opened (feedback/get) by anyone but its citizen. */
    READ,
    /** The case's audit trail read. */
    READ_AUDIT_TRAIL,
    /** The callback phone revealed in plain, with the reason given. */
    REVEAL_CONTACT
}
