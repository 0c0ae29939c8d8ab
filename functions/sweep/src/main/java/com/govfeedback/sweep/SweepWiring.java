package com.govfeedback.sweep;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.FeedbackRepository;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepSettings;
import com.govfeedback.sla.SlaClocks;
import com.govfeedback.sla.SlaTimers;
import com.govfeedback.storage.LocalTableBootstrap;

import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the core's sweep once per function instance from configuration. */
@ApplicationScoped
public class SweepWiring {

    void createTableWhenAsked(@Observes StartupEvent start, DynamoDbClient dynamo, SweepConfig config) {
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
    DueSweep dueSweep(DynamoDbClient dynamo, SweepConfig config, SlaClocks clocks, SlaTimers timers) {
        SweepSettings settings = SweepSettings.DEFAULT.withPageSize(config.sweep().pageSize())
                .withMaxAttempts(config.sweep().maxAttempts());
        return new DueSweep(new FeedbackRepository(dynamo, config.tableName()), new FeedbackClocks(clocks, timers), settings);
    }
}
