package com.govfeedback.api;

import jakarta.inject.Inject;

import com.govfeedback.bridge.FeedbackWithImprovements;
import com.govfeedback.feedback.intake.SubmitFeedback;
import com.govfeedback.feedback.view.FeedbackPage;
import com.govfeedback.feedback.view.FeedbackView;

import io.quarkus.funqy.Funq;

/** The citizen-facing feedback operations: translate, delegate to the core, nothing else. */
@MaskedRequests
public class FeedbackFunctions {
    @Inject
    FeedbackWithImprovements feedback;
    @Inject
    Callers callers;

    /** Identifies one feedback. */
    public record FeedbackId(String id) {
    }

    /** A page request: at most {@code limit} items (1–50, default 20) after {@code cursor}. */
    public record TrackingRequest(String trackingNo) {
    }

    public record PageRequest(Integer limit, String cursor) {
    }

    @Funq("feedback/submit")
    @ApiDoc(summary = "Submit feedback; idempotent per clientRequestId. A report of a problem fixed in a later app version is answered "
            + "at once and linked to that improvement", roles = "citizen", errors = { 401, 403, 409, 422, 429 })
    public FeedbackView submit(SubmitFeedback request) {
        return feedback.submit(callers.current(), request);
    }

    @Funq("feedback/get")
    @ApiDoc(summary = "One feedback the caller may see, with the tracker of the improvement it is linked to", roles = { "citizen", "staff",
            "supervisor", "admin", "optimisation-office" }, errors = { 401, 403, 404, 422 })
    public FeedbackView get(FeedbackId request) {
        return feedback.get(callers.current(), Requests.require(request, "id").id());
    }

    @Funq("feedback/track")
    @ApiDoc(summary = "One's own feedback found by its tracking number (e.g. 261129-7KX4-M2QD)", roles = "citizen", errors = { 401, 403,
            404, 422 })
    public FeedbackView track(TrackingRequest request) {
        return feedback.track(callers.current(), Requests.require(request, "trackingNo").trackingNo());
    }

    @Funq("feedback/mine")
    @ApiDoc(summary = "The caller's own feedback, newest first, each with the tracker of its improvement", roles = "citizen",
            errors = { 401, 403, 422 })
    public FeedbackPage mine(PageRequest request) {
        PageRequest page = request == null ? new PageRequest(null, null) : request;
        return feedback.mine(callers.current(), page.limit(), page.cursor());
    }
}
