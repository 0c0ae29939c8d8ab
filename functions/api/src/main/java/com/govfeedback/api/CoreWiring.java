package com.govfeedback.api;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import com.govfeedback.feedback.FeedbackRepository;
import com.govfeedback.feedback.FeedbackService;
import com.govfeedback.feedback.SubmissionLimiter;
import com.govfeedback.storage.LocalTableBootstrap;

import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the core's plain-Java services once per function instance from configuration. */
@ApplicationScoped
public class CoreWiring {

    void createTableWhenAsked(@Observes StartupEvent start, DynamoDbClient dynamo, ApiConfig config) {
        if (config.createTable()) {
            LocalTableBootstrap.createIfMissing(dynamo, config.tableName());
        }
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    FeedbackService feedbackService(DynamoDbClient dynamo, ApiConfig config, Clock clock) {
        return new FeedbackService(new FeedbackRepository(dynamo, config.tableName()),
                new SubmissionLimiter(dynamo, config.tableName(), config.submissionsPerHour()), clock);
    }
}
