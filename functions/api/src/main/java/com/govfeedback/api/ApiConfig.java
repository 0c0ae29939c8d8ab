package com.govfeedback.api;

import com.govfeedback.auth.Caller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The API function's settings (application.properties, or FEEDBACK_* environment variables in Lambda). */
@ConfigMapping(prefix = "feedback")
public interface ApiConfig {
    /** The DynamoDB table holding every item ({@code FEEDBACK_TABLE_NAME} in Lambda, set by the stack). */
    @WithDefault("feedback")
    String tableName();

    /** Create the table at start-up when it is missing: for the local store and tests only; the CDK stack owns it in the cloud. */
    @WithDefault("false")
    boolean createTable();

    /** New feedback a citizen may submit per clock hour before answers turn to 429. */
    @WithDefault("20")
    int submissionsPerHour();

    Triage triage();

    Sla sla();

    Notifications notifications();

    Auth auth();

    Contact contact();

    /**
     * Where the key-encryption key of callback phones lives: a KMS key ARN in the cloud (the stack sets
     * {@code FEEDBACK_CONTACT_KMS_KEY_ARN}), a folder of local key files otherwise (the local and test profiles). With
     * neither the function does not start.
     */
    interface Contact {
        java.util.Optional<String> kmsKeyArn();

        /** The local key files' folder ({@code .local/keys/contact} under make run). */
        java.util.Optional<String> localKeyDir();

        /** How long one data key seals new values before a fresh one is asked for. */
        @WithDefault("1h")
        java.time.Duration dataKeyLifetime();
    }

    /** Where the bearer token names what the core needs beyond its subject and groups, and how strong a sign-in must be. */
    interface Auth {
        /** The department claim: {@code dept}, or {@code custom:dept} in Cognito's ID tokens (the stack sets it). */
        @WithDefault(Caller.DEPARTMENT_CLAIM)
        String departmentClaim();

        /**
         * Staff sign-in strength ({@code FEEDBACK_AUTH_STAFF_MFA}; the stack sets it with the user pool's MFA): every token
         * of a staff-side role (staff, supervisor, admin, optimisation office) must name a second factor in {@code amr}.
         */
        @WithDefault("false")
        boolean staffMfa();

        /** The {@code amr} values (RFC 8176) that count as a second factor. */
        @WithDefault("mfa,otp,hwk")
        java.util.Set<String> secondFactors();
    }

    /** Notifications where no table stream feeds the notifier. */
    interface Notifications {
        /**
         * Deliver in-process after each write, to this JSON-lines file (the local runtime: {@code .local/notifications.jsonl});
         * unset in Lambda, where the table stream feeds the notifier function.
         */
        java.util.Optional<String> localSinkFile();
    }

    /** SLA data an operator may replace without a new build. */
    interface Sla {
        /** A policy.json to use instead of the shipped one ({@code FEEDBACK_SLA_POLICY_FILE}). */
        java.util.Optional<String> policyFile();

        /** A folder with index.json and the year files to use instead of the shipped calendar ({@code FEEDBACK_SLA_CALENDAR_DIR}). */
        java.util.Optional<String> calendarDir();
    }

    /** Triage data an operator may replace without a new build. */
    interface Triage {
        /** A taxonomy.json to use instead of the shipped one. */
        java.util.Optional<String> taxonomyFile();

        /** A model file trained with `make train` to use instead of the shipped one. */
        java.util.Optional<String> modelFile();

        /** A type or domain confidence below this puts the feedback in the manual triage queue. */
        @WithDefault("0.5")
        double reviewThreshold();
    }
}
