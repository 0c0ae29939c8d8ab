package com.govfeedback.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.aws.SignedHttp;
import com.govfeedback.shared.Json;
import com.govfeedback.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The KMS key wrapper against a stand-in KMS endpoint speaking the JSON protocol: signed GenerateDataKey and Decrypt
 * calls with the encryption context, and a sealed value opened through them.
 */
class KmsKeyWrapperTest {
    private static final String KEY_ARN = "arn:aws:kms:ap-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final List<Map<String, String>> calls = new ArrayList<>();
    /** The stand-in's "wrapping": the blob is the plain key behind a marker, so Decrypt can answer it. */
    private final Map<String, byte[]> issued = new HashMap<>();
    private HttpServer server;
    private int status = 200;

    @BeforeEach
    void standInKms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            calls.add(Map.of("target", target, "authorization", exchange.getRequestHeaders().getFirst("Authorization"),
                    "contentType", exchange.getRequestHeaders().getFirst("Content-Type"), "keyId", request.path("KeyId").asText(),
                    "purpose", request.path("EncryptionContext").path("purpose").asText()));
            Map<String, Object> answer = new HashMap<>();
            answer.put("KeyId", KEY_ARN);
            if (target.equals("TrentService.GenerateDataKey")) {
                byte[] plain = new byte[request.path("NumberOfBytes").asInt()];
                new SecureRandom().nextBytes(plain);
                String blob = Base64.getEncoder().encodeToString(("wrapped-" + issued.size()).getBytes(StandardCharsets.UTF_8));
                issued.put(blob, plain);
                answer.put("Plaintext", Base64.getEncoder().encodeToString(plain));
                answer.put("CiphertextBlob", blob);
            } else {
                answer.put("Plaintext", Base64.getEncoder().encodeToString(issued.get(request.path("CiphertextBlob").asText())));
            }
            byte[] body = status == 200 ? Json.mapper().writeValueAsBytes(answer)
                    : "{\"__type\":\"AccessDeniedException\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private KmsKeyWrapper wrapper() {
        return new KmsKeyWrapper(KEY_ARN, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "ap-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    @Test
    void dataKeysComeFromKmsAndUnwrapThroughIt() {
        EnvelopeCipher writer = new EnvelopeCipher(wrapper(), Duration.ofHours(1), new MutableClock(Instant.EPOCH));
        byte[] aad = "FEEDBACK#1|contact.phone".getBytes(StandardCharsets.UTF_8);
        Sealed sealed = writer.seal("13812345678".getBytes(StandardCharsets.UTF_8), aad);
        // a second process has no cached data key: it asks KMS to decrypt the wrapped one
        EnvelopeCipher reader = new EnvelopeCipher(wrapper(), Duration.ofHours(1), new MutableClock(Instant.EPOCH));

        assertThat(reader.open(sealed, aad)).asString(StandardCharsets.UTF_8).isEqualTo("13812345678");
        assertThat(sealed.key().kekId()).isEqualTo(KEY_ARN);
        assertThat(calls).extracting(c -> c.get("target")).containsExactly("TrentService.GenerateDataKey", "TrentService.Decrypt");
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/ap-east-1/kms/aws4_request");
            assertThat(c.get("contentType")).isEqualTo("application/x-amz-json-1.1");
            assertThat(c.get("keyId")).isEqualTo(KEY_ARN);
            assertThat(c.get("purpose")).isEqualTo("feedback-contact");
        });
    }

    @Test
    void aRefusalIsAnErrorAndOnlyKeyArnsAreTaken() {
        status = 400;
        assertThatThrownBy(() -> wrapper().newDataKey()).isInstanceOf(SignedHttp.CallFailedException.class).hasMessageContaining("400");
        assertThatThrownBy(() -> KmsKeyWrapper.forKey("alias/GovFeedback/contact", StaticCredentialsProvider.create(
                AwsBasicCredentials.create("a", "b")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(KmsKeyWrapper.forKey(KEY_ARN, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).currentKeyId())
                .isEqualTo(KEY_ARN);
    }
}
