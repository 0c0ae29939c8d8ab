package com.govfeedback.bridge;

import java.time.Clock;
import java.util.Set;

import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.lifecycle.ImprovementCaseActions;
import com.govfeedback.feedback.lifecycle.LifecyclePolicy;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.improvement.PriorityPolicy;
import com.govfeedback.improvement.SatisfactionChange;
import com.govfeedback.improvement.Tracker;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.service.NoticeFanOut;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.participation.leaderboard.Profiles;
import com.govfeedback.triage.Taxonomy;
import com.govfeedback.triage.similar.SimilaritySignature;
import com.govfeedback.triage.text.TextNormalizer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The improvement service over the feedback side, built the same way by the API, the sweep function and the local sweep. */
public final class ImprovementLoop {
    private ImprovementLoop() {
    }

    /**
     * @param departments the department codes an improvement may be led by (the taxonomy's)
     * @param profiles    citizens' consent to be named on credits
     */
    public static ImprovementService service(ImprovementStore store, FeedbackRepository repository, SimilarFeedback similar, Profiles profiles,
            FeedbackClocks clocks, LifecyclePolicy policy, Set<String> departments, Clock clock) {
        CaseActionsForImprovements actions = new CaseActionsForImprovements(new ImprovementCaseActions(repository, clocks, policy, clock));
        return new ImprovementService(store, new FeedbackFactsFromStore(repository, similar, profiles), actions, Tracker.loadDefault(),
                PriorityPolicy.loadDefault(), SatisfactionChange.loadDefault(), new NoticeFanOut(store, actions), departments, clock);
    }

    /** The same over the shipped taxonomy and text normaliser, for the sweeps, which load no triage model. */
    public static ImprovementService forSweep(DynamoDbClient dynamo, String table, ImprovementStore store, FeedbackRepository repository,
            FeedbackClocks clocks, Clock clock) {
        Set<String> departments = Taxonomy.loadDefault().departmentCodes();
        return service(store, repository, new SimilarFeedback(dynamo, table, new SimilaritySignature(TextNormalizer.loadDefault())),
                new Profiles(dynamo, table), clocks, LifecyclePolicy.loadDefault(), departments, clock);
    }
}
