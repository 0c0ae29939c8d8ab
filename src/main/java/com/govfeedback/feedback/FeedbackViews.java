package com.govfeedback.feedback;

import java.time.Clock;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.lifecycle.CaseView;

/** Builds the API's view of a feedback for one caller: citizens never see internal notes or who acted. */
public final class FeedbackViews {
    private final FeedbackClocks clocks;
    private final Clock clock;

    public FeedbackViews(FeedbackClocks clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    public FeedbackView of(Caller caller, Feedback f) {
        return new FeedbackView(f.id(), f.trackingNo(), f.status(), f.status().chineseName(), f.receivedAt(), f.text(), f.channel(),
                f.context(), f.triage().withMaskedText(null), clocks.view(f, clock.instant()),
                CaseView.of(f.caseFile(), caller.role() != Role.CITIZEN), f.version());
    }
}
