package com.govfeedback.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Delivers the pending notifications of an item image (a feedback item's outbox, an improvement notice), from a stream
 * record's NEW_IMAGE, the local store hook or the sweep's re-drive: render, send with bounded retries and exponential backoff, remember the send with a delivery marker,
 * and record the outcome on the item's outbox entry. A notification already marked delivered is never sent again. After
 * {@link DeliveryPolicy#maxAttempts()} failed invocations it is DEAD: logged at ERROR with {@value #DEAD_MARKER} (the
 * alarm's metric filter) and counted in the report.
 */
public final class NotificationDelivery {
    public static final String DEAD_MARKER = "NOTIFICATION_DEAD";
    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class);

    private final DeliveryMarkers markers;
    /** The kinds of item that hold notifications; an image belongs to at most one of them. */
    private final List<OutboxStore> outboxes;
    private final Channel channel;
    private final Templates templates;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits between tries; tests pass one that only records the waits. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * What one call did. {@code unrecorded} counts notifications whose outcome could not be written (the store failed):
     * the stream record must be retried.
     */
    public record Report(int delivered, int alreadyDelivered, int retryLater, int dead, int unrecorded) {
        public static final Report NOTHING = new Report(0, 0, 0, 0, 0);

        public Report plus(Report o) {
            return new Report(delivered + o.delivered, alreadyDelivered + o.alreadyDelivered, retryLater + o.retryLater, dead + o.dead,
                    unrecorded + o.unrecorded);
        }
    }

    public NotificationDelivery(DeliveryMarkers markers, OutboxStore outbox, Channel channel, Templates templates, DeliveryPolicy policy, Clock clock,
            Sleeper sleeper) {
        this(markers, List.of(outbox), channel, templates, policy, clock, sleeper);
    }

    /** @param outboxes every kind of item holding notifications; the first is the one {@link #deliver(List)} records on */
    public NotificationDelivery(DeliveryMarkers markers, List<OutboxStore> outboxes, Channel channel, Templates templates, DeliveryPolicy policy,
            Clock clock, Sleeper sleeper) {
        this.markers = markers;
        this.outboxes = List.copyOf(outboxes);
        this.channel = channel;
        this.templates = templates;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The pending notifications of a stored item image; other items (claims, counters, markers) have none. */
    public Report deliverImage(Map<String, AttributeValue> image) {
        for (OutboxStore store : outboxes) {
            List<Notification> held = store.outboxOf(image);
            if (!held.isEmpty()) {
                return deliver(store, held);
            }
        }
        return Report.NOTHING;
    }

    /** Delivers every entry that is PENDING and due; entries whose retry is not yet due are left for a later call. */
    public Report deliver(List<Notification> outbox) {
        return deliver(outboxes.get(0), outbox);
    }

    private Report deliver(OutboxStore store, List<Notification> outbox) {
        Report report = Report.NOTHING;
        Instant now = clock.instant();
        for (int i = 0; i < outbox.size(); i++) {
            Notification n = outbox.get(i);
            if (n.state() == Notification.State.PENDING && !n.nextAttemptAt().isAfter(now)) {
                report = report.plus(deliverOne(store, n, i));
            }
        }
        return report;
    }

    private Report deliverOne(OutboxStore outbox, Notification n, int index) {
        try {
            if (markers.delivered(n.id())) {
                outbox.record(withOutcome(n, Notification.State.DELIVERED, n.attempts(), n.nextAttemptAt()), index, n.attempts());
                return new Report(0, 1, 0, 0, 0);
            }
            if (sendWithRetries(n)) {
                Instant at = clock.instant();
                markers.markDelivered(n, channel.name(), at);
                outbox.record(withOutcome(n, Notification.State.DELIVERED, n.attempts() + 1, n.nextAttemptAt()), index, n.attempts());
                return new Report(1, 0, 0, 0, 0);
            }
            int attempts = n.attempts() + 1;
            if (attempts >= policy.maxAttempts()) {
                if (outbox.record(withOutcome(n, Notification.State.DEAD, attempts, n.nextAttemptAt()), index, n.attempts())
                        == OutboxStore.Recorded.RECORDED) {
                    LOG.errorf("%s id=%s event=%s feedbackId=%s recipient=%s attempts=%d", DEAD_MARKER, n.id(), n.event(), n.feedbackId(),
                            n.recipient().kind(), attempts);
                }
                return new Report(0, 0, 0, 1, 0);
            }
            Instant next = clock.instant().plus(policy.retryAfterAttempts(attempts));
            outbox.record(withOutcome(n, Notification.State.PENDING, attempts, next), index, n.attempts());
            return new Report(0, 0, 1, 0, 0);
        } catch (RuntimeException storeFailed) {
            LOG.warnf(storeFailed, "could not record the delivery of %s; the stream record will be retried", n.id());
            return new Report(0, 0, 0, 0, 1);
        }
    }

    /** True when the channel accepted the message within this invocation's tries. */
    private boolean sendWithRetries(Notification n) {
        Templates.Message message = templates.render(n);
        Channel.Outgoing outgoing = new Channel.Outgoing(n.id(), n.event(), n.feedbackId(), n.recipient(), message.title(), message.body(),
                n.createdAt());
        for (int attempt = 1;; attempt++) {
            try {
                channel.send(outgoing);
                return true;
            } catch (Channel.ChannelException failed) {
                LOG.warnf("%s did not take %s (try %d of %d): %s", channel.name(), n.id(), attempt, policy.triesPerInvocation(),
                        failed.getMessage());
                if (attempt == policy.triesPerInvocation()) {
                    return false;
                }
                try {
                    sleeper.sleep(policy.backoffAfterTry(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private static Notification withOutcome(Notification n, Notification.State state, int attempts, Instant nextAttemptAt) {
        return new Notification(n.id(), n.event(), n.feedbackId(), n.recipient(), n.params(), n.createdAt(), attempts, nextAttemptAt, state);
    }
}
