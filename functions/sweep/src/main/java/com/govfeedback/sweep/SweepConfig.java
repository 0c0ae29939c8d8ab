package com.govfeedback.sweep;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sweep function's settings (application.properties, or FEEDBACK_* environment variables in Lambda). */
@ConfigMapping(prefix = "feedback")
public interface SweepConfig {
    /** The DynamoDB table holding every item ({@code FEEDBACK_TABLE_NAME} in Lambda, set by the stack). */
    @WithDefault("feedback")
    String tableName();

    Sweep sweep();

    Improvements improvements();

    /** The improvement loop's step of the sweep. */
    interface Improvements {
        /** Improvements whose pending notice fan-out one run resumes. */
        @WithDefault("20")
        int fanOutsPerRun();

        /** The Beijing time of day at which the run measures the satisfaction change of released improvements (once a day). */
        @WithDefault("03:00")
        java.time.LocalTime measureSatisfactionAt();
    }

    Sla sla();

    Audit audit();

    /** Where the audit chains' daily anchors are written: the stack's Object Lock bucket, or locally a folder. One is required. */
    interface Audit {
        /** The bucket ({@code FEEDBACK_AUDIT_ANCHOR_BUCKET}, set by the stack); its region is the function's ({@code AWS_REGION}). */
        java.util.Optional<String> anchorBucket();

        /** A folder for anchor files, where there is no bucket (tests). */
        java.util.Optional<String> anchorDir();
    }

    /** SLA data an operator may replace without a new build, as the api function reads it. */
    interface Sla {
        /** A policy.json to use instead of the shipped one ({@code FEEDBACK_SLA_POLICY_FILE}). */
        java.util.Optional<String> policyFile();

        /** A folder with index.json and the year files ({@code FEEDBACK_SLA_CALENDAR_DIR}). */
        java.util.Optional<String> calendarDir();
    }

    interface Sweep {
        /** Time kept free before the Lambda time limit: the item in hand, the metric line and the answer fit in it. */
        @WithDefault("5s")
        Duration safetyMargin();

        /** How long a run may take when the invocation carries no deadline (the local mock event server sends none). */
        @WithDefault("45s")
        Duration runWithoutDeadline();

        /** Items per due-index query page. */
        @WithDefault("100")
        int pageSize();
    }
}
