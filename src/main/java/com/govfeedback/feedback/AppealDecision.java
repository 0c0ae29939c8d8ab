package com.govfeedback.feedback;

/** A supervisor's decision on an appeal. */
public enum AppealDecision {
    /** the resolution stands: the feedback is closed */
    UPHOLD,
    /** the appeal holds: a new round starts */
    REOPEN
}
