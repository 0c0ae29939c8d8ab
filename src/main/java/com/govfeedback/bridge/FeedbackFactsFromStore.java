package com.govfeedback.bridge;

import java.util.List;
import java.util.Optional;

import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.lifecycle.ImprovementCaseActions;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.improvement.ports.FeedbackFacts;

/** The improvement loop's view of a feedback, read from the stored feedback item and its similar-feedback cluster. */
public final class FeedbackFactsFromStore implements FeedbackFacts {
    static final String NEGATIVE_SENTIMENT = "negative";

    private final FeedbackRepository repository;
    private final SimilarFeedback similar;

    public FeedbackFactsFromStore(FeedbackRepository repository, SimilarFeedback similar) {
        this.repository = repository;
        this.similar = similar;
    }

    @Override
    public Optional<Fact> find(String feedbackId) {
        return repository.find(feedbackId).map(this::fact);
    }

    @Override
    public List<String> clusterMembers(String clusterId) {
        return similar.memberIds(clusterId);
    }

    private Fact fact(Feedback f) {
        String clusterId = f.similar() == null ? null : f.similar().clusterId();
        long clusterSize = clusterId == null ? 1 : Math.max(1, similar.members(java.util.Set.of(clusterId)).get(clusterId));
        CaseFile.Rating rating = f.caseFile().rating();
        // the app does not yet ask citizens for consent to be named on the results wall: every contributor is anonymous
        return new Fact(f.id(), f.citizen(), clusterId, clusterSize, f.sla().colour().name(), f.triage().domain(), f.context().screenPath(),
                f.triage().type(), f.context().appVersion(), NEGATIVE_SENTIMENT.equals(f.triage().sentiment()),
                rating == null ? null : rating.score(), !ImprovementCaseActions.FINISHED.contains(f.status()), f.receivedAt(),
                f.triage().department(), null);
    }
}
