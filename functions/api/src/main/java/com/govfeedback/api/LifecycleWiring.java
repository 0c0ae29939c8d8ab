package com.govfeedback.api;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.lifecycle.CaseMerge;
import com.govfeedback.feedback.lifecycle.CaseService;
import com.govfeedback.feedback.lifecycle.CaseTexts;
import com.govfeedback.feedback.lifecycle.CitizenCaseActions;
import com.govfeedback.feedback.lifecycle.FollowUpCalls;
import com.govfeedback.feedback.lifecycle.LifecyclePolicy;
import com.govfeedback.feedback.lifecycle.RequestRules;
import com.govfeedback.feedback.lifecycle.WorkQueue;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.local.LocalStream;
import com.govfeedback.triage.Triage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lifecycle's services, the feedback repository they share with submission, and the improvement store. Where there is
 * no table stream (the local runtime and tests: {@code feedback.notifications.local-sink-file} set), both stores hand each
 * written item to the notifier's delivery core in-process, exactly as the stream handler does in the cloud, with the
 * local file sink.
 */
@ApplicationScoped
public class LifecycleWiring {
    private LocalStream localStream;

    @Produces
    @ApplicationScoped
    FeedbackRepository feedbackRepository(DynamoDbClient dynamo, ApiConfig config, Clock clock) {
        if (config.notifications().localSinkFile().isEmpty()) {
            return new FeedbackRepository(dynamo, config.tableName());
        }
        return localStream(dynamo, config, clock).repository();
    }

    /** The improvement loop's store; its notice items are delivered like the feedback outbox (from the stream, or in-process). */
    @Produces
    @ApplicationScoped
    ImprovementStore improvementStore(DynamoDbClient dynamo, ApiConfig config, Clock clock) {
        if (config.notifications().localSinkFile().isEmpty()) {
            return new ImprovementStore(dynamo, config.tableName());
        }
        return localStream(dynamo, config, clock).improvementStore();
    }

    /** One in-process stream for every store, so they share one notifier and one sink file. */
    synchronized LocalStream localStream(DynamoDbClient dynamo, ApiConfig config, Clock clock) {
        if (localStream == null) {
            localStream = LocalStream.to(dynamo, config.tableName(), Path.of(config.notifications().localSinkFile().get()), clock);
        }
        return localStream;
    }

    @Produces
    @Singleton
    LifecyclePolicy lifecyclePolicy() {
        return LifecyclePolicy.loadDefault();
    }

    @Produces
    @ApplicationScoped
    RequestRules requestRules(LifecyclePolicy policy, Triage triage, FeedbackClocks clocks) {
        return new RequestRules(policy, triage.taxonomy().departmentCodes(),
                clocks.zone());
    }

    @Produces
    @Singleton
    CaseTexts caseTexts() {
        return CaseTexts.loadDefault();
    }

    @Produces
    @ApplicationScoped
    CaseService caseService(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            RequestRules rules, CaseTexts texts, Clock clock) {
        return new CaseService(repository, clocks, views, policy, rules, texts, clock);
    }

    @Produces
    @ApplicationScoped
    CaseMerge caseMerge(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            RequestRules rules, CaseTexts texts, Clock clock) {
        return new CaseMerge(repository, clocks, views, policy, rules, texts, clock);
    }

    @Produces
    @ApplicationScoped
    CitizenCaseActions citizenCaseActions(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            RequestRules rules, CaseTexts texts, Clock clock) {
        return new CitizenCaseActions(repository, clocks, views, policy, rules, texts, clock);
    }

    @Produces
    @ApplicationScoped
    FollowUpCalls followUpCalls(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            RequestRules rules, CaseTexts texts, Clock clock) {
        return new FollowUpCalls(repository, clocks, views, policy, rules, texts, clock);
    }

    @Produces
    @ApplicationScoped
    WorkQueue workQueue(FeedbackRepository repository, FeedbackViews views) {
        return new WorkQueue(repository, views);
    }
}
