package com.govfeedback.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeader;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The console as a static site: its files in a private bucket that only this CloudFront distribution may read (origin
 * access control), served at {@code /console/} under a strict Content-Security-Policy. The distribution also forwards
 * every other path to the HTTP API, uncached, so the console calls the API at its own origin ({@code connect-src
 * 'self'}) and the API needs no CORS. The only other origin the console talks to is the staff's hosted login, whose
 * token endpoint it calls to exchange the authorization code.
 */
public class ConsoleSite extends Construct {
    /** The console's files, as the local API serves them (make console copies its packages into vendor/ first). */
    static final Path FILES = Path.of("..", "functions", "api", "src", "main", "resources", "META-INF", "resources", "console");
    static final String PATH = "/console/";
    /** Written next to the files by the stack: where to sign in; the console falls back to development sign-in without it. */
    static final String CONFIG_FILE = "config.json";

    private final Bucket bucket;
    private final Distribution distribution;

    /**
     * @param hostedLoginOrigin the identity provider's origin, allowed in connect-src for the token exchange
     * @param apiDomain         the HTTP API's host name, when the stack has one
     */
    public ConsoleSite(Construct scope, String id, String hostedLoginOrigin, Optional<String> apiDomain) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .build();
        ResponseHeadersPolicy headers = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("Strict CSP and security headers for the staff console")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy(hostedLoginOrigin)).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(730)).includeSubdomains(true).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.NO_REFERRER).override(true).build())
                        .build())
                .customHeadersBehavior(ResponseCustomHeadersBehavior.builder().customHeaders(List.of(
                        ResponseCustomHeader.builder().header("Permissions-Policy")
                                .value("camera=(), microphone=(), geolocation=(), payment=()").override(true).build(),
                        ResponseCustomHeader.builder().header("Cross-Origin-Opener-Policy")
                                .value("same-origin").override(true).build()))
                        .build())
                .build();
        BehaviorOptions files = BehaviorOptions.builder()
                .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                .responseHeadersPolicy(headers)
                .compress(true)
                .build();
        BehaviorOptions everythingElse = apiDomain.map(domain -> BehaviorOptions.builder()
                .origin(HttpOrigin.Builder.create(domain).build())
                // a redirect would turn a POST into a GET: the API answers over HTTPS only
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                // every viewer header (Authorization among them) but Host, which must name the API's own domain
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .responseHeadersPolicy(headers)
                .build()).orElse(files);
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Staff console and leaders' dashboard")
                .defaultBehavior(everythingElse)
                .additionalBehaviors(Map.of(PATH + "*", files))
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .build();
    }

    /** default-src 'none' and only what the console uses: its own scripts, styles and API, and the token endpoint. */
    static String contentSecurityPolicy(String hostedLoginOrigin) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' " + hostedLoginOrigin,
                "form-action 'self'",
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "object-src 'none'",
                "upgrade-insecure-requests");
    }

    /** https://{distribution domain}/console/ */
    public String url() {
        return Fn.join("", List.of("https://", distribution.getDistributionDomainName(), PATH));
    }

    /** Uploads the console's files with the sign-in settings beside them, and clears the cached copies. */
    public void publish(Map<String, Object> signInConfig) {
        BucketDeployment.Builder.create(this, "Publish")
                .sources(List.of(Source.asset(FILES.toString()), Source.jsonData(CONFIG_FILE, signInConfig)))
                .destinationBucket(bucket)
                .destinationKeyPrefix(PATH.substring(1))
                .distribution(distribution)
                .distributionPaths(List.of(PATH + "*"))
                .memoryLimit(256)
                .build();
    }
}
