package com.govfeedback.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.improvement.store.ImprovementKeys;
import com.govfeedback.notify.RecordedStream;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.shared.Json;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The packaged handler, invoked through the Lambda mock event server with recorded DynamoDB stream events: each
 * notification (a feedback outbox entry, an improvement notice, a participation notice) is written to the sink once, a
 * repeated record writes nothing, other items and removals are skipped; a copied feedback gets its copy queue entry once.
 */
@QuarkusTest
@QuarkusTestResource(NotifierStoreResource.class)
class StreamNotifierTest {

    /** Invokes the function with the event; the partial batch response must name no failed record. */
    private static void invoke(JsonNode event) throws IOException {
        String response = given().contentType("application/json").accept("application/json").body(event.toString())
                .when().post()
                .then().statusCode(200)
                .extract().asString();
        assertThat(Json.mapper().readTree(response)).isEqualTo(Json.mapper().readTree("{\"batchItemFailures\": []}"));
    }

    /** A recorded event whose feedback images are in the store, as the writes that produced it left them. */
    private static RecordedStream stored(String resource) {
        try (var dynamo = Dynalite.shared().client()) {
            return RecordedStream.load(resource).storeNewImages(dynamo, Dynalite.tableName());
        }
    }

    private static List<JsonNode> delivered(String feedbackId) throws IOException {
        if (!Files.exists(NotifierStoreResource.notifications)) {
            return List.of();
        }
        return Files.readAllLines(NotifierStoreResource.notifications, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> n.get("feedbackId").asText().equals(feedbackId)).toList();
    }

    @Test
    void aRecordedStreamEventDeliversEachNotificationOnceAndARepeatDeliversNothing() throws IOException {
        RecordedStream recorded = stored("stream-accepted.json");

        invoke(recorded.event);
        invoke(recorded.event);

        List<JsonNode> lines = delivered(recorded.feedbackId);
        assertThat(lines).extracting(n -> n.get("recipient").asText()).containsExactlyInAnyOrder("CITIZEN-citizen-7f3a", "ASSIGNEE-staff-19");
        assertThat(lines).extracting(n -> n.get("title").asText()).contains("您的反馈（260302-7Q0M-4V9X）状态更新：已受理");
        assertThat(lines).allMatch(n -> n.get("channel").asText().equals("local-file"));
    }

    @Test
    void aMixedBatchSkipsOtherItemsAndRemovals() throws IOException {
        RecordedStream recorded = stored("stream-mixed-batch.json");

        invoke(recorded.event);

        assertThat(delivered(recorded.feedbackId)).hasSize(2);
    }

    @Test
    void anImprovementNoticeIsDeliveredOnceToItsCitizenAndRecordedOnTheNotice() throws IOException {
        RecordedStream recorded = stored("stream-improvement-notice.json");

        invoke(recorded.event);
        invoke(recorded.event);

        List<JsonNode> lines = delivered(recorded.feedbackId);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("recipient").asText()).isEqualTo("CITIZEN-citizen-7f3a");
        assertThat(lines.get(0).get("title").asText()).isEqualTo("您反馈的问题有新进展");
        assertThat(lines.get(0).get("body").asText()).contains("已被采纳");
        try (var dynamo = Dynalite.shared().client()) {
            var notice = dynamo.getItem(b -> b.tableName(Dynalite.tableName())
                    .key(ImprovementKeys.notice(recorded.feedbackId + ":ACCEPTED:1", "citizen-7f3a")).consistentRead(true)).item();
            assertThat(notice.get("state").s()).isEqualTo("DELIVERED");
            assertThat(notice.get("attempts").n()).isEqualTo("1");
        }
    }

    @Test
    void aParticipationNoticeIsPushedOnceToItsCitizenAndRecordedOnTheNotice() throws IOException {
        RecordedStream recorded = stored("stream-participation-notice.json");

        invoke(recorded.event);
        invoke(recorded.event);

        String eventId = "IDEA_ADOPTED:idea:" + recorded.feedbackId;
        List<JsonNode> lines = delivered(eventId);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("event").asText()).isEqualTo("PARTICIPATION");
        assertThat(lines.get(0).get("recipient").asText()).isEqualTo("CITIZEN-citizen-7f3a");
        assertThat(lines.get(0).get("title").asText()).isEqualTo("参与动态：金点子已上线");
        assertThat(lines.get(0).get("body").asText()).contains("社保卡支持亲属代办");
        try (var dynamo = Dynalite.shared().client()) {
            var notice = dynamo.getItem(b -> b.tableName(Dynalite.tableName())
                    .key(ParticipationKeys.notice("citizen-7f3a", Instant.parse("2026-03-02T02:00:00Z"), eventId).value()).consistentRead(true)).item();
            assertThat(notice.get("state").s()).isEqualTo("DELIVERED");
            assertThat(notice.get("attempts").n()).isEqualTo("1");
        }
    }

    @Test
    void aFeedbackCopiedToADepartmentIsListedInItsCopyQueueOnceFromTheStream() throws IOException {
        RecordedStream recorded = stored("stream-copied.json");

        invoke(recorded.event);
        invoke(recorded.event);

        try (var dynamo = Dynalite.shared().client()) {
            var entries = dynamo.query(b -> b.tableName(Dynalite.tableName()).indexName(TableSchema.BY_QUEUE.name())
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableSchema.BY_QUEUE.partitionKey()))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedbackKeys.copyPartition("HOUSING_FUND_CENTER")))))
                    .items().stream().filter(entry -> entry.get("feedbackId").s().equals(recorded.feedbackId)).toList();
            assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.get("version").n()).isEqualTo("2"));
        }
    }
}
