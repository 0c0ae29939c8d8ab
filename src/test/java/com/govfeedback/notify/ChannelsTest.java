package com.govfeedback.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.shared.Json;
import com.sun.net.httpserver.HttpServer;

/** The local sink, the signed webhook and the templates. */
class ChannelsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    private static final Channel.Outgoing MESSAGE = new Channel.Outgoing("F1:REPLIED@3:CITIZEN-c1", NotificationEvent.REPLIED, "F1",
            new Recipient(Recipient.Kind.CITIZEN, "c1"), "您的反馈有新回复", "承办部门回复：已修复", Instant.parse("2026-03-02T02:59:00Z"));

    @Test
    void theLocalSinkWritesOneLinePerNotificationEvenAcrossRestarts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".local/notifications.jsonl");
        new LocalFileSink(file, CLOCK).send(MESSAGE);
        LocalFileSink restarted = new LocalFileSink(file, CLOCK);
        restarted.send(MESSAGE);
        restarted.send(MESSAGE);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode line = Json.mapper().readTree(lines.get(0));
        assertThat(line.get("id").asText()).isEqualTo("F1:REPLIED@3:CITIZEN-c1");
        assertThat(line.get("event").asText()).isEqualTo("REPLIED");
        assertThat(line.get("feedbackId").asText()).isEqualTo("F1");
        assertThat(line.get("recipient").asText()).isEqualTo("CITIZEN-c1");
        assertThat(line.get("channel").asText()).isEqualTo("local-file");
        assertThat(line.get("title").asText()).isEqualTo("您的反馈有新回复");
        assertThat(line.get("body").asText()).isEqualTo("承办部门回复：已修复");
        assertThat(line.get("deliveredAt").asText()).isEqualTo("2026-03-02T03:00:00Z");
    }

    @Test
    void theWebhookSignsTimestampAndBodyAndTreatsNon2xxAsFailure() throws IOException {
        String secret = "a-shared-secret-of-the-city";
        List<Map<String, String>> received = new ArrayList<>();
        int[] answer = { 204 };
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body,
                    "signature", exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE_HEADER),
                    "timestamp", exchange.getRequestHeaders().getFirst(WebhookChannel.TIMESTAMP_HEADER),
                    "key", exchange.getRequestHeaders().getFirst(WebhookChannel.IDEMPOTENCY_HEADER)));
            exchange.sendResponseHeaders(answer[0], -1);
            exchange.close();
        });
        server.start();
        try {
            WebhookChannel webhook = new WebhookChannel(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), secret, CLOCK);
            webhook.send(MESSAGE);

            Map<String, String> request = received.get(0);
            assertThat(request.get("timestamp")).isEqualTo(Long.toString(CLOCK.instant().getEpochSecond()));
            String expected = "sha256=" + WebhookChannel.sign(secret.getBytes(StandardCharsets.UTF_8), request.get("timestamp"), request.get("body"));
            assertThat(request.get("signature")).isEqualTo(expected);
            assertThat(WebhookChannel.sign("another-secret-entirely".getBytes(StandardCharsets.UTF_8), request.get("timestamp"), request.get("body")))
                    .isNotEqualTo(expected.substring("sha256=".length()));
            assertThat(request.get("key")).isEqualTo(MESSAGE.id());
            assertThat(Json.mapper().readTree(request.get("body")).get("title").asText()).isEqualTo("您的反馈有新回复");

            answer[0] = 503;
            assertThatThrownBy(() -> webhook.send(MESSAGE)).isInstanceOf(Channel.ChannelException.class).hasMessageContaining("503");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void everyEventHasATemplateAndParamsFillIt() {
        Templates templates = Templates.loadDefault();
        for (NotificationEvent event : NotificationEvent.values()) {
            Templates.Message message = templates.render(Notification.pending("k", event, "F1", new Recipient(Recipient.Kind.CITIZEN, "c1"),
                    Map.of("trackingNo", "260302-7Q0M-4V9X"), Instant.EPOCH));
            assertThat(message.title()).as(event.name()).isNotBlank().doesNotContain("{");
            assertThat(message.body()).as(event.name()).isNotBlank().doesNotContain("{");
        }
        Templates.Message assigned = templates.render(Notification.pending("k", NotificationEvent.ASSIGNED, "F1",
                new Recipient(Recipient.Kind.CITIZEN, "c1"), Map.of("owner", "王工", "expectedBy", "2026-03-09", "note", ""), Instant.EPOCH));
        assertThat(assigned.body()).startsWith("承办人：王工，预计 2026-03-09 前办结。");
    }

    @Test
    void aTemplateFileMissingAnEventIsRefusedAtLoad() throws IOException {
        JsonNode partial = Json.mapper().readTree("{\"REPLIED\": {\"title\": \"t\", \"body\": \"b\"}}");
        assertThatThrownBy(() -> Templates.parse(partial)).hasMessageContaining("STATUS_CHANGED");
    }
}
