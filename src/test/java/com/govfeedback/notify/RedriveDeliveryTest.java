package com.govfeedback.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.store.FeedbackOutbox;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.feedback.sweep.SweepSettings;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.testing.MutableClock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A lost stream batch does not lose notifications: the sweep re-drives what is still pending, and the notifier that
 * receives the re-driven item delivers each notification exactly once.
 */
class RedriveDeliveryTest {

    @Test
    void notificationsOfALostStreamBatchArriveOnceAfterTheSweepRedrivesThem() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-redrive-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        Instant submitted = SweepFixtures.at("2026-03-02T10:00");
        Instant warningDue = submitted.plus(Duration.ofHours(1)); // 50% of ORANGE's 2-hour acknowledge window
        Feedback feedback = SweepFixtures.open("ORANGE", "MALFUNCTION", submitted, Ids.newId(submitted));
        FeedbackRepository withoutStream = new FeedbackRepository(dynamo, table);
        withoutStream.insert(feedback);

        // the warning is written, but its stream batch is lost: nothing is delivered
        new DueSweep(withoutStream, SweepFixtures.CLOCKS, SweepSettings.DEFAULT).run(warningDue, () -> true, false);
        List<Notification> pending = withoutStream.find(feedback.id()).orElseThrow().outbox();
        assertThat(pending).isNotEmpty().allMatch(n -> n.state() == Notification.State.PENDING);

        // the stream works again; at the re-drive time the sweep rewrites the item and the notifier delivers
        Instant redrive = pending.get(0).redriveAt();
        MutableClock clock = new MutableClock(redrive);
        FlakyChannel channel = new FlakyChannel();
        NotificationDelivery notifier = new NotificationDelivery(new DeliveryMarkers(dynamo, table), new FeedbackOutbox(dynamo, table), channel, Templates.loadDefault(),
                DeliveryPolicy.DEFAULT, clock, sleep -> { });
        FeedbackRepository withStream = new FeedbackRepository(dynamo, table, (before, image) -> notifier.deliverImage(image));
        DueSweep sweep = new DueSweep(withStream, SweepFixtures.CLOCKS, SweepSettings.DEFAULT);
        assertThat(sweep.run(redrive, () -> true, false).redriven()).isEqualTo(pending.size());

        // a later sweep finds nothing left to re-drive, and nothing arrives twice
        clock.advance(Duration.ofMinutes(10));
        assertThat(sweep.run(redrive.plus(Duration.ofMinutes(10)), () -> true, false).redriven()).isZero();
        assertThat(channel.accepted).hasSize(pending.size());
        for (Notification n : pending) {
            assertThat(channel.acceptedCount(n.id())).as(n.id()).isEqualTo(1);
        }
        assertThat(withStream.find(feedback.id()).orElseThrow().outbox()).allMatch(n -> n.state() == Notification.State.DELIVERED);
    }
}
