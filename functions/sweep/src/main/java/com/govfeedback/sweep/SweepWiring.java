package com.govfeedback.sweep;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.govfeedback.audit.AnchorSink;
import com.govfeedback.audit.AuditStore;
import com.govfeedback.audit.DailyAnchors;
import com.govfeedback.audit.LocalAnchorFiles;
import com.govfeedback.audit.S3AnchorSink;
import com.govfeedback.bridge.ImprovementLoop;
import com.govfeedback.bridge.RatingsFromInsights;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepSettings;
import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.insights.InsightStore;
import com.govfeedback.participation.assembly.ParticipationServices;
import com.govfeedback.participation.events.ParticipationEvents;
import com.govfeedback.sla.SlaRules;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the core's sweeps once per function instance from configuration: the SLA sweep and the improvement loop's step. */
@ApplicationScoped
public class SweepWiring {

    @Produces
    @Singleton
    SlaRules slaRules(SweepConfig config) {
        return SlaRules.load(config.sla().policyFile().map(Path::of), config.sla().calendarDir().map(Path::of));
    }

    @Produces
    @ApplicationScoped
    FeedbackRepository feedbackRepository(DynamoDbClient dynamo, SweepConfig config) {
        return new FeedbackRepository(dynamo, config.tableName());
    }

    @Produces
    @ApplicationScoped
    DueSweep dueSweep(FeedbackRepository repository, SlaRules sla, SweepConfig config) {
        // the attempt limit is the notifier's (DeliveryPolicy), so both call a notification dead at the same count
        SweepSettings settings = SweepSettings.DEFAULT.withPageSize(config.sweep().pageSize());
        return new DueSweep(repository, new FeedbackClocks(sla.clocks(), sla.timers()), settings);
    }

    @Produces
    @ApplicationScoped
    ImprovementService improvementService(DynamoDbClient dynamo, FeedbackRepository repository, SlaRules sla, SweepConfig config) {
        return ImprovementLoop.forSweep(dynamo, config.tableName(), new ImprovementStore(dynamo, config.tableName()), repository,
                new FeedbackClocks(sla.clocks(), sla.timers()), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    ParticipationEvents participationEvents(DynamoDbClient dynamo, SweepConfig config) {
        return ParticipationServices.over(dynamo, config.tableName(), Clock.systemUTC()).events();
    }

    @Produces
    @ApplicationScoped
    DailyAnchors dailyAnchors(DynamoDbClient dynamo, SweepConfig config) {
        SweepConfig.Audit audit = config.audit();
        AnchorSink sink = audit.anchorBucket().<AnchorSink>map(bucket -> S3AnchorSink.forBucket(bucket, System.getenv("AWS_REGION"),
                DefaultCredentialsProvider.builder().build()))
                .or(() -> audit.anchorDir().map(dir -> new LocalAnchorFiles(Path.of(dir))))
                .orElseThrow(() -> new IllegalStateException("no place for the audit anchors: set feedback.audit.anchor-bucket "
                        + "(FEEDBACK_AUDIT_ANCHOR_BUCKET) or feedback.audit.anchor-dir"));
        return new DailyAnchors(new AuditStore(dynamo, config.tableName(), Clock.systemUTC()), sink);
    }

    @Produces
    @ApplicationScoped
    RatingSource ratings(DynamoDbClient dynamo, SweepConfig config) {
        return new RatingsFromInsights(new InsightStore(dynamo, config.tableName()));
    }
}
