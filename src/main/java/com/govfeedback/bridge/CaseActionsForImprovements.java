package com.govfeedback.bridge;

import com.govfeedback.feedback.lifecycle.ImprovementCaseActions;
import com.govfeedback.improvement.ports.FeedbackActions;

/** The improvement loop's actions on cases, done by the case lifecycle (each idempotent, each with its own notification). */
public final class CaseActionsForImprovements implements FeedbackActions {
    private final ImprovementCaseActions cases;

    public CaseActionsForImprovements(ImprovementCaseActions cases) {
        this.cases = cases;
    }

    @Override
    public void resolveByRelease(String feedbackId, String improvementId, String publicNote) {
        cases.resolveByRelease(feedbackId, publicNote);
    }

    @Override
    public void replyAutomatically(String feedbackId, String improvementId, String publicReply) {
        cases.replyAutomatically(feedbackId, publicReply);
    }

    @Override
    public void markPossibleRegression(String feedbackId, String improvementId, String internalNote) {
        cases.notePossibleRegression(feedbackId, internalNote);
    }
}
