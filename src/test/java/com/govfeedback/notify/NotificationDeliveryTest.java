package com.govfeedback.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.feedback.store.FeedbackOutbox;
import com.govfeedback.feedback.store.NotificationAttributes;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.testing.MutableClock;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The delivery core driven with recorded stream events against a real DynamoDB API server, with a channel that goes down
 * and comes back: every notification arrives exactly once, a repeated record sends nothing again, N failures make it DEAD.
 */
class NotificationDeliveryTest {
    private static final String TABLE = Dynalite.tableName();
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(3, 3, Duration.ofMillis(200), Duration.ofMinutes(1));

    private final DynamoDbClient dynamo = Dynalite.shared().client();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:41:00Z"));
    private final FlakyChannel channel = new FlakyChannel();
    private final List<Duration> waits = new ArrayList<>();
    private StreamBatch batch;

    @BeforeEach
    void wire() {
        batch = new StreamBatch(delivery(dynamo), ItemChanges.NONE);
    }

    private NotificationDelivery delivery(DynamoDbClient client) {
        return new NotificationDelivery(new DeliveryMarkers(client, TABLE), new FeedbackOutbox(client, TABLE), channel, Templates.loadDefault(), POLICY, clock, waits::add);
    }

    @Test
    void aChannelDownForTwoTriesStillDeliversEachNotificationOnceInTheSameInvocation() {
        RecordedStream recorded = RecordedStream.load("stream-accepted.json").storeNewImages(dynamo, TABLE);
        channel.downFor(2);

        StreamBatch.Result result = batch.process(recorded.event);

        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(result.report().delivered()).isEqualTo(2);
        assertThat(channel.refused).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(channel.accepted).extracting(Channel.Outgoing::id).doesNotHaveDuplicates().hasSize(2);
        assertThat(states(recorded.feedbackId)).containsExactly("DELIVERED", "DELIVERED");
        Channel.Outgoing citizen = channel.accepted.get(0);
        assertThat(citizen.title()).isEqualTo("您的反馈（260302-7Q0M-4V9X）状态更新：已受理");
        assertThat(citizen.body()).contains("已受理，正在核查社保卡页面问题");
    }

    @Test
    void aDuplicateStreamRecordDeliversNothingTwice() {
        RecordedStream recorded = RecordedStream.load("stream-accepted.json").storeNewImages(dynamo, TABLE);
        batch.process(recorded.event);

        StreamBatch.Result again = batch.process(recorded.event);

        assertThat(again.report().delivered()).isZero();
        assertThat(again.report().alreadyDelivered()).isEqualTo(2);
        assertThat(channel.accepted).hasSize(2);
    }

    @Test
    void aChannelDownForAWhileIsRetriedLaterAndThenDeliversExactlyOnce() {
        RecordedStream recorded = RecordedStream.load("stream-accepted.json").storeNewImages(dynamo, TABLE);
        channel.downForever();

        StreamBatch.Result first = batch.process(recorded.event);
        assertThat(first.failedSequenceNumbers()).as("the failure is recorded on the item, the record is done").isEmpty();
        assertThat(first.report().retryLater()).isEqualTo(2);
        assertThat(attempts(recorded.feedbackId)).containsExactly(1L, 1L);

        // the stream hands the same record again while the channel is still down: the attempt it already counted is not counted twice
        batch.process(recorded.event);
        assertThat(attempts(recorded.feedbackId)).containsExactly(1L, 1L);

        // a minute later the channel is back: the re-drive of the stored item delivers both, once each
        channel.downFor(0);
        clock.advance(Duration.ofMinutes(2));
        NotificationDelivery.Report redrive = delivery(dynamo).deliverImage(item(recorded.feedbackId));
        assertThat(redrive.delivered()).isEqualTo(2);
        batch.process(recorded.event);
        delivery(dynamo).deliverImage(item(recorded.feedbackId));

        assertThat(channel.accepted).hasSize(2);
        channel.accepted.forEach(m -> assertThat(channel.acceptedCount(m.id())).isEqualTo(1));
        assertThat(states(recorded.feedbackId)).containsExactly("DELIVERED", "DELIVERED");
    }

    @Test
    void aRetryThatIsNotDueYetIsLeftAlone() {
        RecordedStream recorded = RecordedStream.load("stream-accepted.json").storeNewImages(dynamo, TABLE);
        channel.downFor(3 * 2);
        batch.process(recorded.event);
        int refusedBefore = channel.refused;

        NotificationDelivery.Report early = delivery(dynamo).deliverImage(item(recorded.feedbackId));

        assertThat(early).isEqualTo(NotificationDelivery.Report.NOTHING);
        assertThat(channel.refused).isEqualTo(refusedBefore);
    }

    @Test
    void afterMaxAttemptsFailedInvocationsANotificationIsDeadAndNeverSent() {
        RecordedStream recorded = RecordedStream.load("stream-accepted.json").storeNewImages(dynamo, TABLE);
        channel.downForever();

        NotificationDelivery.Report last = NotificationDelivery.Report.NOTHING;
        for (int invocation = 1; invocation <= POLICY.maxAttempts(); invocation++) {
            last = delivery(dynamo).deliverImage(item(recorded.feedbackId));
            clock.advance(Duration.ofHours(1));
        }

        assertThat(last.dead()).isEqualTo(2);
        assertThat(states(recorded.feedbackId)).containsExactly("DEAD", "DEAD");
        assertThat(attempts(recorded.feedbackId)).containsExactly(3L, 3L);
        assertThat(channel.refused).isEqualTo(POLICY.maxAttempts() * POLICY.triesPerInvocation() * 2);
        assertThat(delivery(dynamo).deliverImage(item(recorded.feedbackId))).isEqualTo(NotificationDelivery.Report.NOTHING);
        assertThat(channel.accepted).isEmpty();
    }

    @Test
    void aBatchSkipsOtherItemsAndRemovals() {
        RecordedStream recorded = RecordedStream.load("stream-mixed-batch.json").storeNewImages(dynamo, TABLE);

        StreamBatch.Result result = batch.process(recorded.event);

        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(result.report().delivered()).isEqualTo(2);
        assertThat(result.toResponse().toString()).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void aRecordWhoseOutcomeCannotBeStoredIsReportedAsABatchItemFailure() {
        RecordedStream recorded = RecordedStream.load("stream-mixed-batch.json");
        try (DynamoDbClient unreachable = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + Dynalite.freePort()))
                .region(Region.AP_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            StreamBatch.Result result = new StreamBatch(delivery(unreachable), ItemChanges.NONE).process(recorded.event);

            assertThat(result.failedSequenceNumbers()).containsExactly("4421584700000000017450439093");
            assertThat(result.toResponse().toString())
                    .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584700000000017450439093\"}]}");
            assertThat(channel.accepted).as("nothing is sent while its delivery cannot be remembered").isEmpty();
        }
    }

    private Map<String, AttributeValue> item(String feedbackId) {
        return dynamo.getItem(b -> b.tableName(TABLE).key(FeedbackKeys.key(feedbackId)).consistentRead(true)).item();
    }

    private List<String> states(String feedbackId) {
        return NotificationAttributes.fromAttribute(item(feedbackId).get("outbox")).stream().map(n -> n.state().name()).toList();
    }

    private List<Long> attempts(String feedbackId) {
        return NotificationAttributes.fromAttribute(item(feedbackId).get("outbox")).stream().map(n -> (long) n.attempts()).toList();
    }
}
