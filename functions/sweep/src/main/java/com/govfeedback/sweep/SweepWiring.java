package com.govfeedback.sweep;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepSettings;
import com.govfeedback.sla.SlaRules;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the core's sweep once per function instance from configuration. */
@ApplicationScoped
public class SweepWiring {

    @Produces
    @ApplicationScoped
    DueSweep dueSweep(DynamoDbClient dynamo, SweepConfig config) {
        SlaRules sla = SlaRules.load(config.sla().policyFile().map(Path::of), config.sla().calendarDir().map(Path::of));
        // the attempt limit is the notifier's (DeliveryPolicy), so both call a notification dead at the same count
        SweepSettings settings = SweepSettings.DEFAULT.withPageSize(config.sweep().pageSize());
        return new DueSweep(new FeedbackRepository(dynamo, config.tableName()), new FeedbackClocks(sla.clocks(), sla.timers()), settings);
    }
}
