package com.govfeedback.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.lifecycle.CaseMerge;
import com.govfeedback.feedback.lifecycle.CaseService;
import com.govfeedback.feedback.lifecycle.CaseTexts;
import com.govfeedback.feedback.lifecycle.LifecyclePolicy;
import com.govfeedback.feedback.lifecycle.RequestRules;
import com.govfeedback.feedback.lifecycle.WorkQueue;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.local.LocalStream;
import com.govfeedback.triage.Taxonomy;
import com.govfeedback.triage.Triage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lifecycle's services, and the feedback repository they share with submission. Where there is no table stream
 * (the local runtime and tests: {@code feedback.notifications.local-sink-file} set), the repository hands each written item to
 * the notifier's delivery core in-process, exactly as the stream handler does in the cloud, with the local file sink.
 */
@ApplicationScoped
public class LifecycleWiring {
    @Produces
    @ApplicationScoped
    FeedbackRepository feedbackRepository(DynamoDbClient dynamo, ApiConfig config, Clock clock) {
        if (config.notifications().localSinkFile().isEmpty()) {
            return new FeedbackRepository(dynamo, config.tableName());
        }
        return LocalStream.repository(dynamo, config.tableName(), Path.of(config.notifications().localSinkFile().get()), clock);
    }

    @Produces
    @Singleton
    LifecyclePolicy lifecyclePolicy() {
        return LifecyclePolicy.loadDefault();
    }

    @Produces
    @ApplicationScoped
    RequestRules requestRules(LifecyclePolicy policy, Triage triage, FeedbackClocks clocks) {
        return new RequestRules(policy, triage.taxonomy().domains().stream().map(Taxonomy.Domain::departmentCode).collect(Collectors.toSet()),
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
    WorkQueue workQueue(FeedbackRepository repository, FeedbackViews views) {
        return new WorkQueue(repository, views);
    }
}
