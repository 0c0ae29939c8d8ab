package com.govfeedback.notifier;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.govfeedback.aws.Arn;
import com.govfeedback.aws.SignedHttp;
import com.govfeedback.notify.Channel;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Publishes each notification to the notification topic as JSON, with the SNS Query API ({@code Action=Publish}) signed
 * with the function's role credentials ({@link SignedHttp}: the SDK's SNS client is not served at the SDK version the Quarkus
 * BOM pins; Publish is one signed form POST). Message attributes carry the
 * event, the recipient kind and id (for subscription filter policies) and the notification id as {@code idempotencyKey},
 * since a standard topic does not de-duplicate by itself.
 */
public final class SnsChannel implements Channel {
    private final URI endpoint;
    private final String topicArn;
    private final SignedHttp http;

    public SnsChannel(URI endpoint, String region, String topicArn, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.topicArn = topicArn;
        this.http = new SignedHttp("sns", region, credentials);
    }

    /** The channel for a topic ARN ({@code arn:aws:sns:{region}:{account}:{name}}): the region and endpoint come from the ARN. */
    public static SnsChannel forTopic(String topicArn, AwsCredentialsProvider credentials) {
        Arn arn = Arn.parse(topicArn, "sns");
        return new SnsChannel(arn.endpoint(), arn.region(), topicArn, credentials);
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public void send(Outgoing m) {
        SignedHttp.Response response;
        try {
            response = http.send(SdkHttpMethod.POST, endpoint, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                    form(m).getBytes(StandardCharsets.UTF_8));
        } catch (SignedHttp.CallFailedException e) {
            throw new ChannelException(e.getMessage(), e);
        }
        if (response.status() != 200) {
            throw new ChannelException("SNS answered " + response.status() + ": " + response.excerpt());
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
