package com.govfeedback.bridge;

import java.util.List;
import java.util.Optional;

import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.lifecycle.ImprovementCaseActions;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.improvement.ports.FeedbackFacts;
import com.govfeedback.participation.leaderboard.Profiles;

/**
 * The improvement loop's view of a feedback, read from the stored feedback item, its similar-feedback cluster and its
 * citizen's consent to be named on credits (the results wall names only those who consented).
 */
public final class FeedbackFactsFromStore implements FeedbackFacts {
    static final String NEGATIVE_SENTIMENT = "negative";

    private final FeedbackRepository repository;
    private final SimilarFeedback similar;
    private final Profiles profiles;

    /** @param profiles where citizens consent (or not) to be named on credits */
    public FeedbackFactsFromStore(FeedbackRepository repository, SimilarFeedback similar, Profiles profiles) {
        this.repository = repository;
        this.similar = similar;
        this.profiles = profiles;
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
        return new Fact(f.id(), f.citizen(), clusterId, clusterSize, f.sla().colour().name(), f.triage().domain(), f.context().screenPath(),
                f.triage().type(), f.context().appVersion(), NEGATIVE_SENTIMENT.equals(f.triage().sentiment()),
                rating == null ? null : rating.score(), !ImprovementCaseActions.FINISHED.contains(f.status()), f.receivedAt(),
                f.triage().department(), profiles.get(f.citizen()).creditName().orElse(null));
    }
}
