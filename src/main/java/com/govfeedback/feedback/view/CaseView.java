package com.govfeedback.feedback.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.govfeedback.feedback.AppealDecision;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Status;

/**
 * A feedback's progress as the API shows it. Citizens see the public notes; staff, supervisors and admins also see the
 * internal notes and who acted. {@code rated} is explicit: an unrated case is never reported as a good one.
 */
public record CaseView(List<StepView> history, String assignee, LocalDate expectedBy, boolean rated, RatingView rating,
        CaseFile.FollowUp followUp, AppealView appeal, String targetQuarter, String mergedInto, int meTooCount, int followerCount) {

    /** Score labels, 1 to 5. */
    public static final List<String> SCORE_NAMES = List.of("非常不满意", "不满意", "一般", "满意", "非常满意");

    /** @param by and {@code internalNote} are null for citizens */
    public record StepView(CaseAction action, Status from, String fromName, Status to, String toName, Instant at, String publicNote,
            String internalNote, String by) {
    }

    public record RatingView(int score, String scoreName, String comment, Instant at) {
    }

    public record AppealView(String reason, Instant at, AppealDecision decision, String note, Instant decidedAt) {
    }

    public static CaseView of(CaseFile c, boolean forStaff) {
        List<StepView> steps = c.history().stream()
                .map(s -> new StepView(s.action(), s.from(), s.from().chineseName(), s.to(), s.to().chineseName(), s.at(), s.publicNote(),
                        forStaff ? s.internalNote() : null, forStaff ? s.by() : null))
                .toList();
        CaseFile.Rating r = c.rating();
        CaseFile.Appeal a = c.appeal();
        return new CaseView(steps, c.assignment() == null ? null : c.assignment().owner(),
                c.assignment() == null ? null : c.assignment().expectedBy(), r != null,
                r == null ? null : new RatingView(r.score(), SCORE_NAMES.get(r.score() - 1), r.comment(), r.at()), c.followUp(),
                a == null ? null : new AppealView(a.reason(), a.at(), a.decision(), a.note(), a.decidedAt()), c.targetQuarter(),
                c.mergedInto(), c.meTooCount(), c.followers().size());
    }
}
