package com.govfeedback.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.aws.SignedHttp;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The anchor's S3 put against a stand-in bucket: signed for s3, never overwriting, with the digests S3 requires. */
class S3AnchorSinkTest {
    private static final Anchor ANCHOR = Anchor.of(LocalDate.of(2031, 5, 1), AuditEntry.GENESIS,
            List.of(new Anchor.Head("01J0000000000000000000000A", 3, "ab".repeat(32))));

    @Test
    void putsTheDaysAnchorOnceWithItsDigests() throws Exception {
        List<Map<String, String>> puts = new ArrayList<>();
        int[] answer = { 200 };
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            puts.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
                    "ifNoneMatch", h.getFirst("If-None-Match"), "md5", h.getFirst("Content-MD5"), "sha256", h.getFirst("x-amz-content-sha256"),
                    "authorization", h.getFirst("Authorization"), "bodyMd5", base64Md5(body)));
            exchange.sendResponseHeaders(answer[0], -1);
            exchange.close();
        });
        server.start();
        try {
            S3AnchorSink sink = new S3AnchorSink(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "ap-east-1",
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
            sink.write(ANCHOR);
            answer[0] = 412;
            sink.write(ANCHOR);
            answer[0] = 403;
            assertThatThrownBy(() -> sink.write(ANCHOR)).isInstanceOf(SignedHttp.CallFailedException.class).hasMessageContaining("403");

            Map<String, String> put = puts.get(0);
            assertThat(put).containsEntry("method", "PUT").containsEntry("path", "/anchors/2031-05-01.json").containsEntry("ifNoneMatch", "*")
                    .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ANCHOR.toJson())));
            assertThat(put.get("md5")).isEqualTo(put.get("bodyMd5"));
            assertThat(put.get("authorization")).contains("/ap-east-1/s3/aws4_request").contains("x-amz-content-sha256");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anAnchorReadsBackAsWritten() {
        assertThat(Anchor.fromJson(ANCHOR.toJson())).isEqualTo(ANCHOR);
        assertThat(ANCHOR.intact()).isTrue();
    }

    private static String base64Md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
