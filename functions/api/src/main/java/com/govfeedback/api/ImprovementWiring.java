package com.govfeedback.api;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.govfeedback.bridge.FeedbackWithImprovements;
import com.govfeedback.bridge.ImprovementLoop;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.intake.FeedbackService;
import com.govfeedback.feedback.intake.TrackingLookup;
import com.govfeedback.feedback.lifecycle.CaseService;
import com.govfeedback.feedback.lifecycle.LifecyclePolicy;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.improvement.Tracker;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.participation.assembly.ParticipationServices;
import com.govfeedback.triage.Triage;

/**
 * The improvement loop over the feedback side: its ports implemented by the bridge (facts from the feedback store,
 * actions through the case lifecycle), its data files loaded once, its departments those of the taxonomy.
 */
@ApplicationScoped
public class ImprovementWiring {

    @Produces
    @ApplicationScoped
    ImprovementService improvementService(ImprovementStore store, FeedbackRepository repository, SimilarFeedback similar,
            ParticipationServices participation, FeedbackClocks clocks, LifecyclePolicy policy, Triage triage, Clock clock) {
        return ImprovementLoop.service(store, repository, similar, participation.profiles(), clocks, policy,
                triage.taxonomy().departmentCodes(), clock);
    }

    /** The tracker's statuses, labels and moves, for the code lists. */
    @Produces
    @Singleton
    Tracker tracker() {
        return Tracker.loadDefault();
    }

    @Produces
    @ApplicationScoped
    FeedbackWithImprovements feedbackWithImprovements(FeedbackService feedback, CaseService cases, ImprovementService improvements,
            FeedbackRepository repository, FeedbackViews views, FeedbackClocks clocks) {
        return new FeedbackWithImprovements(feedback, cases, improvements, new TrackingLookup(repository, views, clocks.zone()));
    }
}
