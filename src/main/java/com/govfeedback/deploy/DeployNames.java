package com.govfeedback.deploy;

import java.util.List;

/**
 * Names the functions and the CDK stack share, defined once: the environment variables the stack sets (each is the
 * environment form of a config key the function reads, e.g. {@code FEEDBACK_TABLE_NAME} is {@code feedback.table-name}),
 * the handler names that pick a function out of the event-handler modules, and the routes open without a token.
 */
public final class DeployNames {
    /** {@code feedback.table-name}: the one table. */
    public static final String TABLE_NAME_VARIABLE = "FEEDBACK_TABLE_NAME";
    /** {@code feedback.notify-topic-arn}: where the notifier publishes. */
    public static final String NOTIFY_TOPIC_VARIABLE = "FEEDBACK_NOTIFY_TOPIC_ARN";
    /** {@code feedback.contact.kms-key-arn}: the KMS key that wraps the callback phones' data keys (api). */
    public static final String CONTACT_KEY_VARIABLE = "FEEDBACK_CONTACT_KMS_KEY_ARN";
    /** {@code feedback.audit.anchor-bucket}: the Object Lock bucket of the audit chains' daily anchors (sweep). */
    public static final String AUDIT_ANCHOR_BUCKET_VARIABLE = "FEEDBACK_AUDIT_ANCHOR_BUCKET";
    /** Picks the handler a Quarkus Lambda module runs. */
    public static final String HANDLER_VARIABLE = "QUARKUS_LAMBDA_HANDLER";
    /** Token checks of the api function: the gateway's issuer, audiences and key set. */
    public static final String JWT_ISSUER_VARIABLE = "MP_JWT_VERIFY_ISSUER";
    public static final String JWT_AUDIENCES_VARIABLE = "MP_JWT_VERIFY_AUDIENCES";
    public static final String JWT_KEYS_VARIABLE = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";

    /** The scheduled sweep's handler name. */
    public static final String SWEEP_HANDLER = "sweep";
    /** The table-stream notifier's handler name. */
    public static final String NOTIFIER_HANDLER = "notifier";

    /** The SLA preview function, shown before a citizen signs in. */
    public static final String SLA_PREVIEW_FUNCTION = "sla/preview";
    /** The public roadmap of improvements and the results wall (改进成果墙): public views only, shown to anybody. */
    public static final String ROADMAP_FUNCTION = "improvement/roadmap";
    public static final String RESULTS_WALL_FUNCTION = "improvement/results-wall";
    /** The 贡献榜 on the app's home page and the 金点子 zone: masked names only, shown to anybody. */
    public static final String LEADERBOARD_FUNCTION = "participation/leaderboard";
    public static final String IDEAS_ZONE_FUNCTION = "participation/ideas/zone";
    /**
     * Open without a token: the SLA preview, the roadmap, the results wall, the 贡献榜 and the 金点子 zone, health, and the
     * OpenAPI document.
     */
    public static final List<String> PUBLIC_ROUTES = List.of("POST /" + SLA_PREVIEW_FUNCTION, "POST /" + ROADMAP_FUNCTION,
            "POST /" + RESULTS_WALL_FUNCTION, "POST /" + LEADERBOARD_FUNCTION, "POST /" + IDEAS_ZONE_FUNCTION, "GET /q/health",
            "GET /q/health/{proxy+}", "GET /q/openapi");

    /**
     * Code only a developer's machine runs: the development token issuer (the tools module) and the local server's
     * sign-in that uses it. A function.zip holding any of these (by package or class name) is refused at synth.
     */
    public static final List<String> DEVELOPMENT_ONLY_CLASSES = List.of("com.govfeedback.devtoken.", "com.govfeedback.api.DevSignIn");

    private DeployNames() {
    }
}
