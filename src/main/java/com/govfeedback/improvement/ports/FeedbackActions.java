package com.govfeedback.improvement.ports;

/**
 * What the improvement loop does to feedback cases. Implemented over the case lifecycle; every call must be idempotent
 * (a re-driven release or answer calls it again for the same feedback) and write its own notification to the citizen.
 */
public interface FeedbackActions {
    /** Resolves an open case with the release note, so the citizen is told and can rate as usual; no-op when not open. */
    void resolveByRelease(String feedbackId, String improvementId, String publicNote);

    /** Posts an automatic public reply ("该问题已在 X 版本修复…") on the case without waiting for staff. */
    void replyAutomatically(String feedbackId, String improvementId, String publicReply);

    /** Marks the case for staff as a possible regression of a released improvement (an internal note, not shown to the citizen). */
    void markPossibleRegression(String feedbackId, String improvementId, String internalNote);
}
