package com.govfeedback.local;

import java.nio.file.Path;
import java.time.Clock;

import org.jboss.logging.Logger;

import com.govfeedback.feedback.store.FeedbackOutbox;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.insights.InsightRecorder;
import com.govfeedback.insights.InsightStore;
import com.govfeedback.notify.DeliveryMarkers;
import com.govfeedback.notify.DeliveryPolicy;
import com.govfeedback.notify.LocalFileSink;
import com.govfeedback.notify.NotificationDelivery;
import com.govfeedback.notify.Templates;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where there is no table stream (the local runtime, tests, {@code make sweep}): a feedback repository that hands each
 * change to what consumes the stream in the cloud, in-process: the dashboard's aggregates, then the notifier's delivery
 * core with the local JSON-lines sink as the channel. A delivery that fails leaves its notifications pending for the
 * sweep's re-drive; aggregates that fail to update are logged and put right by {@code make insights-rebuild}.
 */
public final class LocalStream {
    private static final Logger LOG = Logger.getLogger(LocalStream.class);

    private LocalStream() {
    }

    public static FeedbackRepository repository(DynamoDbClient dynamo, String table, Path sink, Clock clock) {
        NotificationDelivery delivery = new NotificationDelivery(new DeliveryMarkers(dynamo, table), new FeedbackOutbox(dynamo, table),
                new LocalFileSink(sink, clock), Templates.loadDefault(), DeliveryPolicy.DEFAULT, clock, NotificationDelivery.Sleeper.REAL);
        InsightRecorder insights = new InsightRecorder(new InsightStore(dynamo, table));
        LOG.infof("Notifications are delivered in-process to %s (no table stream here)", sink.toAbsolutePath());
        return new FeedbackRepository(dynamo, table, (before, image) -> {
            try {
                insights.changed(before, image);
            } catch (RuntimeException failed) {
                LOG.warnf(failed, "the dashboard's aggregates missed a change; make insights-rebuild puts them right");
            }
            try {
                delivery.deliverImage(image);
            } catch (RuntimeException failed) {
                LOG.warnf(failed, "in-process delivery failed; the notifications stay pending");
            }
        });
    }
}
