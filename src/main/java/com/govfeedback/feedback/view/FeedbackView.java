package com.govfeedback.feedback.view;

import java.time.Instant;

import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.Status;
import com.govfeedback.improvement.service.ImprovementViews;
import com.govfeedback.sla.SlaView;
import com.govfeedback.triage.TriageResult;

/**
 * A feedback as the API answers it: what was received, how it was triaged (without repeating the text), its clocks as
 * they stand at the moment of the answer, how many feedback report the same thing, and its progress (history,
 * assignee, rating, appeal, merge).
 *
 * @param statusName the status in Chinese, as the app shows it
 * @param progress   internal notes and actors only when the caller is staff, a supervisor or an admin
 * @param contactPhone the callback phone masked ({@code 138****5678}), or null; the plain number only through a reveal
 * @param improvement the improvement it is linked to, as the public tracker shows it (status, history, expected date), or
 *                    null; filled by the layer above that knows both sides ({@link #withImprovement})
 */
public record FeedbackView(String id, String trackingNo, Status status, String statusName, Instant receivedAt, String text,
        Channel channel, FeedbackContext context, String contactPhone, TriageResult triage, SlaView sla, SimilarView similar, CaseView progress,
        long version, ImprovementViews.PublicView improvement) {

    public FeedbackView withImprovement(ImprovementViews.PublicView tracker) {
        return new FeedbackView(id, trackingNo, status, statusName, receivedAt, text, channel, context, contactPhone, triage, sla, similar,
                progress, version, tracker);
    }


    /** The near-duplicate cluster: its id and size, counting this feedback ("me too"). */
    public record SimilarView(String clusterId, int members) {
    }
}
