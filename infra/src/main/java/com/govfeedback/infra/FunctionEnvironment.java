package com.govfeedback.infra;

import java.util.Map;

import com.govfeedback.deploy.DeployNames;

/**
 * The environment each function gets, as typed fields: the variable names are those Quarkus maps to its config
 * ({@code FEEDBACK_TABLE_NAME} is {@code feedback.table-name}), so a function reads them with its ordinary config.
 */
public sealed interface FunctionEnvironment {
    String TABLE_NAME = DeployNames.TABLE_NAME_VARIABLE;
    String LAMBDA_HANDLER = DeployNames.HANDLER_VARIABLE;

    Map<String, String> variables();

    /**
     * The HTTP API: the table, and the issuer, audiences and key set the gateway checks tokens against; the function
     * verifies each token again with the same key set, so a route left open by mistake still needs a valid token.
     * The claim names say where the token holds the roles and the department (Cognito: "cognito:groups", custom:dept).
     * The contact key wraps the data keys of callback phones. With {@code staffMfa} staff-side tokens must name a second
     * factor in amr, as the user pool then requires one.
     */
    record Api(String tableName, String jwtIssuer, String jwtAudiences, String jwksUrl, TokenClaims claims, String contactKeyArn,
            boolean staffMfa)
            implements FunctionEnvironment {
        static final String GROUPS_PATH_VARIABLE = "SMALLRYE_JWT_PATH_GROUPS";
        static final String DEPARTMENT_CLAIM_VARIABLE = "FEEDBACK_AUTH_DEPARTMENT_CLAIM";
        static final String STAFF_MFA_VARIABLE = "FEEDBACK_AUTH_STAFF_MFA";

        public Map<String, String> variables() {
            return Map.of(TABLE_NAME, tableName, DeployNames.JWT_ISSUER_VARIABLE, jwtIssuer, DeployNames.JWT_AUDIENCES_VARIABLE, jwtAudiences,
                    DeployNames.JWT_KEYS_VARIABLE, jwksUrl, GROUPS_PATH_VARIABLE, claims.groupsPath(),
                    DEPARTMENT_CLAIM_VARIABLE, claims.department(), DeployNames.CONTACT_KEY_VARIABLE, contactKeyArn,
                    STAFF_MFA_VARIABLE, Boolean.toString(staffMfa));
        }
    }

    /** Where a token names its roles (a SmallRye JWT claim path; namespaced names in double quotes) and department. */
    record TokenClaims(String groupsPath, String department) {
        static final TokenClaims COGNITO = new TokenClaims("\"cognito:groups\"", "custom:dept");
        static final TokenClaims PLAIN = new TokenClaims("groups", "dept");
    }

    /** The sweep: the table and the audit anchors' bucket; the handler name picks the sweep out of the event-handler module. */
    record Sweep(String tableName, String auditAnchorBucket) implements FunctionEnvironment {
        public Map<String, String> variables() {
            return Map.of(TABLE_NAME, tableName, DeployNames.AUDIT_ANCHOR_BUCKET_VARIABLE, auditAnchorBucket, LAMBDA_HANDLER,
                    DeployNames.SWEEP_HANDLER);
        }
    }

    /** The notifier: the table (outbox state) and the topic it delivers to. */
    record Notifier(String tableName, String topicArn) implements FunctionEnvironment {
        public Map<String, String> variables() {
            return Map.of(TABLE_NAME, tableName, DeployNames.NOTIFY_TOPIC_VARIABLE, topicArn, LAMBDA_HANDLER, DeployNames.NOTIFIER_HANDLER);
        }
    }
}
