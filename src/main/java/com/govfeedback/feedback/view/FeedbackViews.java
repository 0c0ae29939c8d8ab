package com.govfeedback.feedback.view;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.similar.SimilarFeedback;

/**
 * Builds the API's view of feedback for one caller at one instant: citizens never see internal notes or who acted;
 * the "me too" counts of a whole page are read in one call.
 */
public final class FeedbackViews {
    private final FeedbackClocks clocks;
    private final SimilarFeedback similar;
    private final Clock clock;

    public FeedbackViews(FeedbackClocks clocks, SimilarFeedback similar, Clock clock) {
        this.clocks = clocks;
        this.similar = similar;
        this.clock = clock;
    }

    public FeedbackView of(Caller caller, Feedback f) {
        return of(caller, List.of(f)).get(0);
    }

    public List<FeedbackView> of(Caller caller, List<Feedback> items) {
        Instant now = clock.instant();
        boolean staffSide = caller.role() != Role.CITIZEN;
        Map<String, Integer> members = similar.members(items.stream().map(f -> f.similar().clusterId()).collect(Collectors.toSet()));
        return items.stream().map(f -> new FeedbackView(f.id(), f.trackingNo(), f.status(), f.status().chineseName(), f.receivedAt(),
                f.text(), f.channel(), f.context(), f.contactPhone() == null ? null : f.contactPhone().masked(), f.triage().withMaskedText(null),
                clocks.view(f, now),
                new FeedbackView.SimilarView(f.similar().clusterId(), members.get(f.similar().clusterId())),
                CaseView.of(f.caseFile(), staffSide), f.version(), null)).toList();
    }
}
