package com.govfeedback.feedback;

/** Where a feedback is in its life (需求追踪器). */
public enum Status {
    SUBMITTED
}
