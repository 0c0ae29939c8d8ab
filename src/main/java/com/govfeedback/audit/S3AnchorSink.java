package com.govfeedback.audit;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import com.govfeedback.aws.SignedHttp;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The cloud's anchors: {@code anchors/{day}.json} in the stack's audit bucket, whose Object Lock default retention in
 * compliance mode keeps every object version from being deleted or overwritten by anyone, root included, until the
 * retention ends. The put is one signed request ({@link SignedHttp}) with {@code If-None-Match: *}, so a second run for the
 * same day does not even add a version, and with {@code Content-MD5}, which S3 requires for objects under Object Lock.
 */
public final class S3AnchorSink implements AnchorSink {
    static final String PREFIX = "anchors/";

    private final URI bucketUri;
    private final SignedHttp http;

    /** @param bucketUri the bucket's virtual-hosted address, {@code https://{bucket}.s3.{region}.amazonaws.com/} */
    public S3AnchorSink(URI bucketUri, String region, AwsCredentialsProvider credentials) {
        this.bucketUri = bucketUri;
        this.http = new SignedHttp("s3", region, credentials);
    }

    public static S3AnchorSink forBucket(String bucket, String region, AwsCredentialsProvider credentials) {
        return new S3AnchorSink(URI.create("https://" + bucket + "." + SignedHttp.endpoint("s3", region).getHost() + "/"), region, credentials);
    }

    @Override
    public void write(Anchor anchor) {
        byte[] body = anchor.toJson();
        SignedHttp.Response response = http.send(SdkHttpMethod.PUT, bucketUri.resolve(PREFIX + anchor.day() + ".json"), Map.of(
                "Content-Type", "application/json",
                "Content-MD5", Base64.getEncoder().encodeToString(digest("MD5", body)),
                "x-amz-content-sha256", HexFormat.of().formatHex(digest("SHA-256", body)),
                "If-None-Match", "*"), body);
        // 412: the day's anchor is already there (an earlier run); it stands
        if (!response.ok() && response.status() != 412) {
            throw new SignedHttp.CallFailedException("S3 refused the audit anchor of " + anchor.day() + ": " + response.status() + " "
                    + response.excerpt());
        }
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
