package com.govfeedback.local;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.govfeedback.audit.AuditStore;
import com.govfeedback.bridge.GoldenIdeasOnRelease;
import com.govfeedback.bridge.PointsForLinkedFeedback;
import com.govfeedback.feedback.store.ChangeAudit;
import com.govfeedback.feedback.store.CopyEntries;
import com.govfeedback.feedback.store.FeedbackOutbox;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.NoticeOutbox;
import com.govfeedback.insights.InsightRecorder;
import com.govfeedback.insights.InsightStore;
import com.govfeedback.notify.DeliveryMarkers;
import com.govfeedback.notify.DeliveryPolicy;
import com.govfeedback.notify.LocalFileSink;
import com.govfeedback.notify.NotificationDelivery;
import com.govfeedback.notify.Templates;
import com.govfeedback.participation.assembly.ParticipationServices;
import com.govfeedback.participation.store.ParticipationNoticeOutbox;
import com.govfeedback.storage.ItemChanges;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where there is no table stream (the local runtime, tests, {@code make sweep}): a feedback repository and an improvement
 * store that hand each change to what consumes the stream in the cloud, in-process: the case's audit chain, the dashboard's
 * aggregates, the copy queues' entries, the points for feedback taken into an improvement and the 金点子 credited on
 * release, then (with participation notices) the notifier's delivery core with the local JSON-lines sink as the channel. A delivery that fails leaves its notifications pending for the
 * sweep's re-drive; aggregates that fail to update are logged and put right by {@code make insights-rebuild}.
 */
public final class LocalStream {
    private static final Logger LOG = Logger.getLogger(LocalStream.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final NotificationDelivery delivery;
    private final InsightRecorder insights;
    private final ParticipationServices participation;
    private final ItemChanges participationOfImprovements;
    private final ChangeAudit audit;
    private final CopyEntries copies;

    private LocalStream(DynamoDbClient dynamo, String table, Path sink, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.delivery = new NotificationDelivery(new DeliveryMarkers(dynamo, table), List.of(new FeedbackOutbox(dynamo, table), new NoticeOutbox(dynamo, table), new ParticipationNoticeOutbox(dynamo, table)),
                new LocalFileSink(sink, clock), Templates.loadDefault(), DeliveryPolicy.DEFAULT, clock, NotificationDelivery.Sleeper.REAL);
        this.insights = new InsightRecorder(new InsightStore(dynamo, table));
        this.participation = ParticipationServices.over(dynamo, table, clock, (before, notice) -> deliver(notice));
        this.participationOfImprovements = new PointsForLinkedFeedback(participation.events())
                .andThen(new GoldenIdeasOnRelease(new ImprovementStore(dynamo, table), participation.events(), participation.rules()));
        this.audit = new ChangeAudit(new AuditStore(dynamo, table, clock));
        this.copies = new CopyEntries(dynamo, table, clock);
        LOG.infof("Notifications are delivered in-process to %s (no table stream here)", sink.toAbsolutePath());
    }

    /** One in-process stream (one notifier, one sink) for the stores of one table. */
    public static LocalStream to(DynamoDbClient dynamo, String table, Path sink, Clock clock) {
        return new LocalStream(dynamo, table, sink, clock);
    }

    /**
     * The feedback repository, each write chained in its case's audit trail, told to the dashboard's aggregates and the
     * copy queues, then delivered.
     */
    public FeedbackRepository repository() {
        return new FeedbackRepository(dynamo, table, (before, image) -> {
            try {
                audit.changed(before, image);
            } catch (RuntimeException failed) {
                LOG.errorf(failed, "a change of feedback %s was not appended to its audit chain", image.get("id").s());
            }
            tell(insights, before, image, "the dashboard's aggregates missed a change; make insights-rebuild puts them right");
            tell(copies, before, image, "a copy queue missed a change; the case's next change of copies or deadline puts it right");
            deliver(image);
        });
    }

    private static void tell(ItemChanges consumer, Map<String, AttributeValue> before, Map<String, AttributeValue> image, String whenFailed) {
        try {
            consumer.changed(before, image);
        } catch (RuntimeException failed) {
            LOG.warn(whenFailed, failed);
        }
    }

    /**
     * The improvement store: each notice item it writes delivered to its citizen, each new link paid to its author, each
     * release of an adopted suggestion credited as a 金点子.
     */
    public ImprovementStore improvementStore() {
        return new ImprovementStore(dynamo, table, (before, item) -> {
            tell(participationOfImprovements, before, item, "participation missed a change of an improvement (points for a link, or a 金点子's credit)");
            deliver(item);
        });
    }

    /** The participation core, each participation notice it writes delivered to its citizen. */
    public ParticipationServices participation() {
        return participation;
    }

    private void deliver(Map<String, AttributeValue> image) {
        try {
            delivery.deliverImage(image);
        } catch (RuntimeException failed) {
            LOG.warnf(failed, "in-process delivery failed; the notifications stay pending");
        }
    }
}
