package com.govfeedback.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


/**
 * Posts each notification as JSON to a configured URL, signed so the receiver can trust it: header
 * {@value #SIGNATURE_HEADER} = {@code sha256=} hex HMAC-SHA256 with the shared secret over {@code {timestamp}.{body}}, where
 * the timestamp (epoch seconds) is in {@value #TIMESTAMP_HEADER}, so a captured request cannot be replayed later with
 * another body. {@value #IDEMPOTENCY_HEADER} carries the notification id. Any answer but 2xx is a failure.
 */
public final class WebhookChannel implements Channel {
    public static final String SIGNATURE_HEADER = "X-Feedback-Signature";
    public static final String TIMESTAMP_HEADER = "X-Feedback-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final byte[] secret;
    private final HttpClient http;
    private final Clock clock;

    public WebhookChannel(URI url, String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the webhook secret must have at least 16 characters");
        }
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Outgoing message) {
        String body = message.toJson();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_HEADER, message.id())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                throw new ChannelException("webhook answered " + status);
            }
        } catch (IOException e) {
            throw new ChannelException("webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while calling the webhook", e);
        }
    }

    /** The signature a receiver recomputes: hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    public static String sign(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
