package com.govfeedback.bridge;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.intake.FeedbackService;
import com.govfeedback.feedback.intake.TrackingLookup;
import com.govfeedback.feedback.intake.SubmitFeedback;
import com.govfeedback.feedback.lifecycle.CaseRequests;
import com.govfeedback.feedback.lifecycle.CaseService;
import com.govfeedback.feedback.view.FeedbackPage;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.improvement.service.ImprovementService;

/**
 * The feedback operations that the improvement loop takes part in: a new submission is matched against released fixes
 * and the improvements holding its cluster before it is answered (so the answer already shows an automatic reply and the
 * link); a feedback read shows the tracker of its improvement; a rating re-scores the improvement it belongs to.
 */
public final class FeedbackWithImprovements {
    private final FeedbackService feedback;
    private final CaseService cases;
    private final ImprovementService improvements;
    private final TrackingLookup tracking;

    public FeedbackWithImprovements(FeedbackService feedback, CaseService cases, ImprovementService improvements, TrackingLookup tracking) {
        this.feedback = feedback;
        this.cases = cases;
        this.improvements = improvements;
        this.tracking = tracking;
    }

    /** Submits, then lets the improvement loop answer or link it (idempotent, so a retried submission repeats nothing). */
    public FeedbackView submit(Caller caller, SubmitFeedback request) {
        FeedbackView stored = feedback.submit(caller, request);
        improvements.newFeedback(stored.id());
        return get(caller, stored.id());
    }

    public FeedbackView get(Caller caller, String id) {
        return withTracker(feedback.get(caller, id));
    }

    /** The caller's own feedback found by its tracking number. */
    public FeedbackView track(Caller caller, String trackingNo) {
        return withTracker(tracking.find(caller, trackingNo));
    }

    public FeedbackPage mine(Caller caller, Integer limit, String cursor) {
        FeedbackPage page = feedback.mine(caller, limit, cursor);
        return new FeedbackPage(page.items().stream().map(this::withTracker).toList(), page.nextCursor());
    }

    /** The citizen's rating counts in the priority of the improvement the feedback belongs to. */
    public FeedbackView rate(Caller caller, CaseRequests.Rate request) {
        FeedbackView rated = cases.rate(caller, request);
        improvements.feedbackChanged(rated.id());
        return withTracker(rated);
    }

    private FeedbackView withTracker(FeedbackView view) {
        return improvements.trackerOf(view.id()).map(view::withImprovement).orElse(view);
    }
}
