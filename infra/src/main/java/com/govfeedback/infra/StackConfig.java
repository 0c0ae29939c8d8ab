package com.govfeedback.infra;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.services.lambda.Architecture;
import software.constructs.Node;

/**
 * What an operator may choose at synth time, read from CDK context ({@code -c key=value} or cdk.json). The JWT issuer
 * and audience are not here: they are stack parameters, so rotating them needs no new synth.
 *
 * @param runtime          context {@code runtime}: native (default) or jvm; must match how the zips were built
 * @param architecture     context {@code architecture}: arm64 (default) or x86_64; a native zip runs only on the
 *                         architecture it was compiled on
 * @param zips             context {@code apiZip}, {@code sweepZip}, {@code notifierZip}: each function's function.zip
 * @param reserveConcurrency context {@code reserveConcurrency}: false for new accounts whose concurrency quota is too
 *                         small to reserve from
 * @param throttle         context {@code apiRateLimit}, {@code apiBurstLimit}, {@code publicRateLimit},
 *                         {@code publicBurstLimit}
 * @param alarmEmail       context {@code alarmEmail}: subscribed to the alarm topic when given
 * @param httpApi          context {@code httpApi}: false leaves the HTTP API out (LocalStack's free edition has none)
 * @param auditAnchorRetentionDays context {@code auditAnchorRetentionDays} (3650): how long S3 Object Lock keeps each daily
 *                         audit anchor in compliance mode; it can never be shortened for an object already written
 * @param staffMfa         context {@code staffMfa} (default true): staff sign in with a second factor; the user pool
 *                         requires an authenticator app and the api refuses staff-side tokens whose amr names none
 */
public record StackConfig(FunctionRuntime runtime, Architecture architecture, Map<ServiceFunction, Path> zips,
        boolean reserveConcurrency, ApiThrottle throttle, Optional<String> alarmEmail, boolean httpApi, int auditAnchorRetentionDays,
        boolean staffMfa) {

    /** Requests per second and burst, for the whole API and (lower, as nobody is signed in) for the public routes. */
    public record ApiThrottle(int rateLimit, int burstLimit, int publicRateLimit, int publicBurstLimit) {
    }

    public static StackConfig fromContext(Node node) {
        Map<ServiceFunction, Path> zips = new EnumMap<>(ServiceFunction.class);
        for (ServiceFunction function : ServiceFunction.values()) {
            zips.put(function, text(node, function.module() + "Zip").map(Path::of).orElse(function.defaultZip()));
        }
        return new StackConfig(
                FunctionRuntime.fromContext(text(node, "runtime").orElse(null)),
                architecture(text(node, "architecture").orElse("arm64")),
                zips,
                text(node, "reserveConcurrency").map(Boolean::parseBoolean).orElse(true),
                new ApiThrottle(number(node, "apiRateLimit", 50), number(node, "apiBurstLimit", 100),
                        number(node, "publicRateLimit", 10), number(node, "publicBurstLimit", 20)),
                text(node, "alarmEmail").filter(email -> !email.isBlank()),
                text(node, "httpApi").map(Boolean::parseBoolean).orElse(true),
                number(node, "auditAnchorRetentionDays", 3650),
                text(node, "staffMfa").map(Boolean::parseBoolean).orElse(true));
    }

    private static Architecture architecture(String value) {
        return switch (value) {
            case "arm64" -> Architecture.ARM_64;
            case "x86_64" -> Architecture.X86_64;
            default -> throw new IllegalArgumentException("context architecture must be arm64 or x86_64, was: " + value);
        };
    }

    // context from -c arrives as text, from cdk.json as JSON values: read both through their text
    private static Optional<String> text(Node node, String key) {
        return Optional.ofNullable(node.tryGetContext(key)).map(String::valueOf);
    }

    private static int number(Node node, String key, int fallback) {
        return text(node, key).map(value -> (int) Double.parseDouble(value)).orElse(fallback);
    }
}
