package com.govfeedback.notifier;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.govfeedback.audit.AuditStore;
import com.govfeedback.bridge.GoldenIdeasOnRelease;
import com.govfeedback.bridge.PointsForLinkedFeedback;
import com.govfeedback.feedback.store.ChangeAudit;
import com.govfeedback.feedback.store.CopyEntries;
import com.govfeedback.feedback.store.FeedbackOutbox;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.NoticeOutbox;
import com.govfeedback.insights.InsightRecorder;
import com.govfeedback.insights.InsightStore;
import com.govfeedback.notify.Channel;
import com.govfeedback.notify.DeliveryMarkers;
import com.govfeedback.notify.DeliveryPolicy;
import com.govfeedback.notify.LocalFileSink;
import com.govfeedback.notify.NotificationDelivery;
import com.govfeedback.notify.StreamBatch;
import com.govfeedback.notify.Templates;
import com.govfeedback.notify.WebhookChannel;
import com.govfeedback.participation.assembly.ParticipationServices;
import com.govfeedback.participation.store.ParticipationNoticeOutbox;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the delivery core once per function instance, with the channel the configuration names. */
@ApplicationScoped
public class NotifierWiring {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    StreamBatch streamBatch(DynamoDbClient dynamo, NotifierConfig config, Clock clock) {
        NotifierConfig.Notifications n = config.notifications();
        DeliveryPolicy policy = new DeliveryPolicy(n.maxAttempts(), n.triesPerInvocation(), n.firstBackoff(), n.retryAfter());
        String table = config.tableName();
        ParticipationServices participation = ParticipationServices.over(dynamo, table, clock);
        // the stream's consumers: the case's audit chain, the dashboard's aggregates, the copy queues' entries, points for
        // feedback taken into an improvement and the 金点子 credited on release, then delivery of feedback outboxes,
        // improvement notices and participation notices
        return new StreamBatch(new NotificationDelivery(new DeliveryMarkers(dynamo, table),
                List.of(new FeedbackOutbox(dynamo, table), new NoticeOutbox(dynamo, table), new ParticipationNoticeOutbox(dynamo, table)),
                channel(config, clock), Templates.loadDefault(), policy, clock, NotificationDelivery.Sleeper.REAL),
                new ChangeAudit(new AuditStore(dynamo, table, clock)).andThen(new InsightRecorder(new InsightStore(dynamo, table)))
                        .andThen(new CopyEntries(dynamo, table, clock))
                        .andThen(new PointsForLinkedFeedback(participation.events()))
                        .andThen(new GoldenIdeasOnRelease(new ImprovementStore(dynamo, table), participation.events(), participation.rules())));
    }

    private static Channel channel(NotifierConfig config, Clock clock) {
        NotifierConfig.Notifications n = config.notifications();
        return switch (n.channel()) {
            case "sns" -> SnsChannel.forTopic(config.notifyTopicArn().orElseThrow(() -> new IllegalStateException(
                    "feedback.notify-topic-arn (FEEDBACK_NOTIFY_TOPIC_ARN) is required for the sns channel")),
                    DefaultCredentialsProvider.builder().build());
            case "webhook" -> new WebhookChannel(URI.create(n.webhookUrl().orElseThrow(() -> new IllegalStateException(
                    "feedback.notifications.webhook-url is required for the webhook channel"))), n.webhookSecret().orElseThrow(
                            () -> new IllegalStateException("feedback.notifications.webhook-secret is required for the webhook channel")), clock);
            case LocalFileSink.NAME -> new LocalFileSink(Path.of(n.localSinkFile()), clock);
            default -> throw new IllegalStateException("feedback.notifications.channel must be sns, webhook or local-file, not " + n.channel());
        };
    }
}
