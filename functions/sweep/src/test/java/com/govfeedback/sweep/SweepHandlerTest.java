package com.govfeedback.sweep;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.Json;
import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The function as Lambda runs it: the recorded EventBridge scheduled event goes through the Lambda mock event server
 * to the {@code sweep} handler, which sweeps dynalite as of the event's time and prints the metric line.
 */
@QuarkusTest
@QuarkusTestResource(SweepStoreResource.class)
class SweepHandlerTest {

    @Test
    void aScheduledEventSweepsAsOfItsTimeAndPublishesTheMetricOnEveryRun() throws IOException {
        // ORANGE, submitted Mon 2026-03-02 10:00 Shanghai; the event's time is Tue 12:00 Shanghai: nine actions owed
        FeedbackRepository repository = new FeedbackRepository(Dynalite.shared().client(), SweepStoreResource.TABLE);
        java.time.Instant submitted = SweepFixtures.at("2026-03-02T10:00");
        Feedback feedback = SweepFixtures.open("ORANGE", "MALFUNCTION", submitted, Ids.newId(submitted));
        repository.insert(feedback);
        String event = recordedEvent();

        Captured first = invoke(event);
        Captured second = invoke(event);

        assertThat(first.answer()).containsEntry("examined", 1).containsEntry("warned", 4).containsEntry("breached", 2)
                .containsEntry("escalated", 3).containsEntry("overdueUnhandled", 0).containsEntry("complete", true);
        assertThat(second.answer()).containsEntry("examined", 0).containsEntry("warned", 0);
        // the improvement loop's step ran too; the event's minute (12:00 Beijing) is the test's measuring time
        assertThat(first.answer()).containsEntry("improvementNoticesWritten", 0).containsEntry("fanOutsFinished", true)
                .containsEntry("satisfactionMeasured", 0);
        assertThat(repository.find(feedback.id()).orElseThrow().outbox()).hasSize(9);
        // the audit anchors: the first run anchors the day before the event's, the second finds nothing left to anchor
        assertThat(first.answer()).containsEntry("auditDaysAnchored", 1);
        assertThat(second.answer()).containsEntry("auditDaysAnchored", 0);
        for (Captured run : List.of(first, second)) {
            JsonNode metric = run.metricLine();
            JsonNode directive = metric.at("/_aws/CloudWatchMetrics/0");
            assertThat(directive.get("Namespace").asText()).isEqualTo("GovFeedback");
            assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("OverdueUnhandled");
            assertThat(directive.get("Dimensions").toString()).isEqualTo("[[]]");
            assertThat(metric.get("OverdueUnhandled").asInt()).isZero();
            assertThat(metric.at("/_aws/Timestamp").isIntegralNumber()).isTrue();
        }
    }

    private record Captured(Map<String, Object> answer, List<String> stdout) {
        JsonNode metricLine() throws IOException {
            List<String> lines = stdout.stream().filter(line -> line.startsWith("{\"_aws\"")).toList();
            assertThat(lines).hasSize(1);
            return Json.mapper().readTree(lines.get(0));
        }
    }

    private static Captured invoke(String event) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Map<String, Object> answer = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(event)
                    .when().post().then().statusCode(200).extract().as(Map.class);
            return new Captured(answer, out.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(original);
        }
    }

    private static String recordedEvent() throws IOException {
        try (InputStream in = SweepHandlerTest.class.getResourceAsStream("/scheduled-event.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
