package com.govfeedback.aws;

import java.net.URI;

/**
 * An ARN ({@code arn:{partition}:{service}:{region}:{account}:{resource}}), read to find the service's regional endpoint
 * for a resource named by it.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The ARN of a {@code service} resource; {@link IllegalArgumentException} for anything else. */
    public static Arn parse(String text, String service) {
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals(service)) {
            throw new IllegalArgumentException("not a " + service + " ARN: " + text);
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** The service's endpoint in the ARN's region. */
    public URI endpoint() {
        return SignedHttp.endpoint(service, region);
    }
}
