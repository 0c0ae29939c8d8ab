package com.govfeedback.notifier;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notifier's settings (application.properties, or FEEDBACK_* environment variables set by the stack in Lambda). */
@ConfigMapping(prefix = "feedback")
public interface NotifierConfig {
    /** The table whose outbox entries and delivery markers are written ({@code FEEDBACK_TABLE_NAME}). */
    @WithDefault("feedback")
    String tableName();

    /** The SNS topic notifications are published to ({@code FEEDBACK_NOTIFY_TOPIC_ARN}); required for the sns channel. */
    Optional<String> notifyTopicArn();

    Notifications notifications();

    /** Where and how hard notifications are delivered. */
    interface Notifications {
        /** sns (the cloud), webhook, or local-file. */
        @WithDefault("sns")
        String channel();

        /** The webhook channel's URL. */
        Optional<String> webhookUrl();

        /** The webhook channel's HMAC secret (at least 16 characters). */
        Optional<String> webhookSecret();

        /** The local-file channel's JSON-lines file. */
        @WithDefault(".local/notifications.jsonl")
        String localSinkFile();

        /** Failed invocations after which a notification is DEAD. */
        @WithDefault("5")
        int maxAttempts();

        /** Sends tried within one invocation before the attempt counts as failed. */
        @WithDefault("3")
        int triesPerInvocation();

        /** The wait after the first failed try; doubled after each further one. */
        @WithDefault("200ms")
        Duration firstBackoff();

        /** The wait before the next invocation's attempt after the first failed one; doubled per attempt. */
        @WithDefault("1m")
        Duration retryAfter();
    }
}
