package com.govfeedback.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.notify.Channel;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.shared.Json;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The SNS channel against a stand-in SNS endpoint: a signed Publish with the message and its attributes. */
class SnsChannelTest {
    private static final String TOPIC = "arn:aws:sns:ap-east-1:123456789012:feedback-notifications";
    private static final Channel.Outgoing MESSAGE = new Channel.Outgoing("F1:REPLIED@3:CITIZEN-c1", NotificationEvent.REPLIED, "F1",
            new Recipient(Recipient.Kind.CITIZEN, "c1"), "您的反馈有新回复", "承办部门回复：已修复", Instant.parse("2026-03-02T02:59:00Z"));

    @Test
    void publishesASignedRequestWithTheMessageAndItsAttributes() throws IOException {
        List<Map<String, String>> received = new ArrayList<>();
        int[] answer = { 200 };
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> request = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                request.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            request.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            request.put("date", exchange.getRequestHeaders().getFirst("X-Amz-Date"));
            received.add(request);
            byte[] body = "<PublishResponse/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            SnsChannel sns = new SnsChannel(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "ap-east-1", TOPIC,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
            sns.send(MESSAGE);

            Map<String, String> publish = received.get(0);
            assertThat(publish).containsEntry("Action", "Publish").containsEntry("TopicArn", TOPIC)
                    .containsEntry("MessageAttributes.entry.4.Name", "idempotencyKey")
                    .containsEntry("MessageAttributes.entry.4.Value.StringValue", MESSAGE.id())
                    .containsEntry("MessageAttributes.entry.2.Value.StringValue", "CITIZEN");
            assertThat(Json.mapper().readTree(publish.get("Message")).get("title").asText()).isEqualTo("您的反馈有新回复");
            assertThat(publish.get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/ap-east-1/sns/aws4_request").contains("Signature=");
            assertThat(publish.get("date")).matches("\\d{8}T\\d{6}Z");

            answer[0] = 500;
            assertThatThrownBy(() -> sns.send(MESSAGE)).isInstanceOf(Channel.ChannelException.class).hasMessageContaining("500");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theEndpointAndRegionComeFromTheTopicArn() {
        assertThatThrownBy(() -> SnsChannel.forTopic("arn:aws:sqs:ap-east-1:1:q", StaticCredentialsProvider.create(
                AwsBasicCredentials.create("a", "b")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SnsChannel.forTopic(TOPIC, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).name()).isEqualTo("sns");
    }
}
