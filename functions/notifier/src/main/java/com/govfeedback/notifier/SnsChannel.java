package com.govfeedback.notifier;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.govfeedback.notify.Channel;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Publishes each notification to the notification topic as JSON, with the SNS Query API ({@code Action=Publish}) signed
 * with the SDK's SigV4 signer and the function's role credentials. (The SDK's SNS client is not served at the SDK version
 * the Quarkus BOM pins, and mixing SDK versions is unsafe; Publish is one signed form POST.) Message attributes carry the
 * event, the recipient kind and id (for subscription filter policies) and the notification id as {@code idempotencyKey},
 * since a standard topic does not de-duplicate by itself.
 */
public final class SnsChannel implements Channel {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Headers the JDK client sets itself and refuses from callers; their signed values are the ones it sends. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final String region;
    private final String topicArn;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public SnsChannel(URI endpoint, String region, String topicArn, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.topicArn = topicArn;
        this.credentials = credentials;
    }

    /** The channel for a topic ARN ({@code arn:aws:sns:{region}:{account}:{name}}): the region and endpoint come from the ARN. */
    public static SnsChannel forTopic(String topicArn, AwsCredentialsProvider credentials) {
        String[] parts = topicArn.split(":");
        if (parts.length != 6 || !parts[2].equals("sns")) {
            throw new IllegalArgumentException("not an SNS topic ARN: " + topicArn);
        }
        String domain = parts[1].equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        return new SnsChannel(URI.create("https://sns." + parts[3] + "." + domain + "/"), parts[3], topicArn, credentials);
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public void send(Outgoing m) {
        String form = form(m);
        try {
            SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                    .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
            SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned)
                    .payload(ContentStreamProvider.fromUtf8String(form))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sns")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
            signed.request().headers().forEach((name, values) -> {
                if (!SET_BY_CLIENT.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                String body = response.body();
                throw new ChannelException("SNS answered " + response.statusCode() + ": " + body.substring(0, Math.min(200, body.length())));
            }
        } catch (SdkException e) {
            throw new ChannelException("no credentials to sign the SNS call: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ChannelException("SNS unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while calling SNS", e);
        }
    }

    private String form(Outgoing m) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Action", "Publish");
        fields.put("Version", "2010-03-31");
        fields.put("TopicArn", topicArn);
        fields.put("Message", m.toJson());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("event", m.event().name());
        attributes.put("recipientKind", m.recipient().kind().name());
        attributes.put("recipient", m.recipient().id());
        attributes.put("idempotencyKey", m.id());
        int n = 1;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String prefix = "MessageAttributes.entry." + n++ + ".";
            fields.put(prefix + "Name", attribute.getKey());
            fields.put(prefix + "Value.DataType", "String");
            fields.put(prefix + "Value.StringValue", attribute.getValue());
        }
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
