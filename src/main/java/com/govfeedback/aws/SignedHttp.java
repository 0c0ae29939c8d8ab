package com.govfeedback.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One AWS API call signed with the SDK's own SigV4 signer and the caller's credentials, sent with the JDK's HTTP client.
 * For the services whose SDK clients are not served at the SDK version the Quarkus BOM pins (SNS, KMS; mixing SDK module
 * versions is unsafe) and for the single S3 write of the audit anchor, where a whole client is not worth its weight.
 */
public final class SignedHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Headers the JDK client sets itself and refuses from callers; their signed values are the ones it sends. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String service;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param service the signing name: sns, kms, s3 */
    public SignedHttp(String service, String region, AwsCredentialsProvider credentials) {
        this.service = service;
        this.region = region;
        this.credentials = credentials;
    }

    /** A service's regional endpoint, {@code https://{service}.{region}.amazonaws.com/} (.com.cn in the China regions). */
    public static URI endpoint(String service, String region) {
        return URI.create("https://" + service + "." + region + "." + (region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com") + "/");
    }

    /** The service's answer, whatever its status. */
    public record Response(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The start of the body, for an error message. */
        public String excerpt() {
            return body.substring(0, Math.min(200, body.length()));
        }
    }

    /** Signs and sends; {@link CallFailedException} when there are no credentials or the service cannot be reached. */
    public Response send(SdkHttpMethod method, URI uri, Map<String, String> headers, byte[] body) {
        try {
            SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(method).uri(uri);
            headers.forEach(unsigned::putHeader);
            SignedRequest signed = signer.sign(r -> {
                r.identity(credentials.resolveCredentials()).request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region);
                if (service.equals("s3")) {
                    // S3 signs the path as sent: no double encoding, no normalising
                    r.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false).putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false);
                }
            });
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .method(method.name(), HttpRequest.BodyPublishers.ofByteArray(body));
            signed.request().headers().forEach((name, values) -> {
                if (!SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (SdkException e) {
            throw new CallFailedException("no credentials to sign the " + service + " call: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CallFailedException(service + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailedException("interrupted while calling " + service, e);
        }
    }

    /** The call could not be made or answered. */
    public static final class CallFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CallFailedException(String message, Throwable cause) {
            super(message, cause);
        }

        public CallFailedException(String message) {
            super(message);
        }
    }
}
