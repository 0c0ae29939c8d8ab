package com.govfeedback.participation;

import com.govfeedback.shared.ProblemException;

/**
 * A participation request the rules refuse, each with its own problem type so the app can say why: not enough points,
 * out of stock, daily cap reached (429), not an evaluator (403), task full, task closed, quota full (409).
 */
public final class ParticipationRefusedException extends ProblemException {
    private ParticipationRefusedException(int status, String title, String detail) {
        super(status, title, detail);
    }

    public static ParticipationRefusedException notEnoughPoints(long needed, long available) {
        return new ParticipationRefusedException(409, "Not enough points", "this reward costs " + needed + " points; " + available + " are available");
    }

    public static ParticipationRefusedException outOfStock(String rewardId) {
        return new ParticipationRefusedException(409, "Out of stock", "reward " + rewardId + " is out of stock; no points were taken");
    }

    public static ParticipationRefusedException capReached(String rule) {
        return new ParticipationRefusedException(429, "Daily cap reached", "today's points for " + rule + " are used up; nothing was paid");
    }

    public static ParticipationRefusedException notAnEvaluator() {
        return new ParticipationRefusedException(403, "Not an evaluator", "only approved 体验官 may do this");
    }

    public static ParticipationRefusedException taskFull(String taskId) {
        return new ParticipationRefusedException(409, "Task full", "every slot of beta task " + taskId + " is taken");
    }

    public static ParticipationRefusedException taskClosed(String taskId) {
        return new ParticipationRefusedException(409, "Task closed", "beta task " + taskId + " is past its deadline");
    }

    public static ParticipationRefusedException quotaFull(String group) {
        return new ParticipationRefusedException(409, "Quota full", "the programme's quota for " + group + " is used up");
    }
}
