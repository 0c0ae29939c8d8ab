package com.govfeedback.sweep;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepSettings;
import com.govfeedback.sla.SlaClocks;
import com.govfeedback.sla.SlaTimers;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the core's sweep once per function instance from configuration. */
@ApplicationScoped
public class SweepWiring {

    @Produces
    @ApplicationScoped
    DueSweep dueSweep(DynamoDbClient dynamo, SweepConfig config, SlaClocks clocks, SlaTimers timers) {
        // the attempt limit is the notifier's (DeliveryPolicy), so both call a notification dead at the same count
        SweepSettings settings = SweepSettings.DEFAULT.withPageSize(config.sweep().pageSize());
        return new DueSweep(new FeedbackRepository(dynamo, config.tableName()), new FeedbackClocks(clocks, timers), settings);
    }
}
