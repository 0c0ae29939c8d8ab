package com.govfeedback.infra;

import java.util.Map;

/**
 * The environment each function gets, as typed fields: the variable names are those Quarkus maps to its config
 * ({@code FEEDBACK_TABLE_NAME} is {@code feedback.table-name}), so a function reads them with its ordinary config.
 */
public sealed interface FunctionEnvironment {
    String TABLE_NAME = "FEEDBACK_TABLE_NAME";
    String LAMBDA_HANDLER = "QUARKUS_LAMBDA_HANDLER";

    Map<String, String> variables();

    /**
     * The HTTP API: the table, and the issuer, audiences and key set the gateway checks tokens against; the function
     * verifies each token again with the same key set, so a route left open by mistake still needs a valid token.
     */
    record Api(String tableName, String jwtIssuer, String jwtAudiences, String jwksUrl) implements FunctionEnvironment {
        public Map<String, String> variables() {
            return Map.of(TABLE_NAME, tableName, "MP_JWT_VERIFY_ISSUER", jwtIssuer, "MP_JWT_VERIFY_AUDIENCES", jwtAudiences,
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwksUrl);
        }
    }

    /** The sweep: the table; the handler name picks the sweep out of the event-handler module. */
    record Sweep(String tableName) implements FunctionEnvironment {
        public Map<String, String> variables() {
            return Map.of(TABLE_NAME, tableName, LAMBDA_HANDLER, "sweep");
        }
    }

    /** The notifier: the table (outbox state) and the topic it delivers to. */
    record Notifier(String tableName, String topicArn) implements FunctionEnvironment {
        public Map<String, String> variables() {
            return Map.of(TABLE_NAME, tableName, "FEEDBACK_NOTIFY_TOPIC_ARN", topicArn, LAMBDA_HANDLER, "notifier");
        }
    }
}
