package com.govfeedback.infra;

import java.util.List;
import java.util.Map;

import com.govfeedback.storage.TableSchema;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Every IAM action a function is given, in one place, each on the exact resource it needs (and, for the audit chains,
 * only under their own partition keys). One action takes no
 * resource in AWS and so stands on "*": dynamodb:ListStreams (granted by the stream event source, which the notifier's
 * event source mapping needs). The sweep's metric needs no action: it is an Embedded Metric Format line in its log.
 */
public final class Permissions {
    /** api: items on the table; DescribeTable is its health check. */
    public static final List<String> API_ITEM_ACTIONS =
            List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    // near-duplicate links: band entries written, candidates and cluster sizes read, in batches
                    "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem");
    /** api: queries on the table and on every index (a citizen's feedback, a department's queue). */
    public static final List<String> API_QUERY_ACTIONS = List.of("dynamodb:Query");
    /** sweep: writes each due item back with one conditional put on the version it read (the index gave it the item). */
    public static final List<String> SWEEP_ITEM_ACTIONS = List.of("dynamodb:PutItem");
    /** sweep: queries the due-time index only, never a Scan. */
    public static final List<String> SWEEP_QUERY_ACTIONS = List.of("dynamodb:Query");
    /**
     * notifier: reads delivery markers (and an item whose outbox moved), creates markers and records outbox outcomes,
     * both with conditional UpdateItem; keeps the dashboard's aggregates (a conditional UpdateItem of the tally, a
     * conditional PutItem of its figures, a GetItem of the tally after a repeated delivery), the copy queues' entries
     * (conditional PutItem), each case's audit chain (the head queried, the next entry put) and participation's ledger for
     * points and 金点子 credited from the stream (entries put and moved, the adopted improvement's links queried).
     */
    public static final List<String> NOTIFIER_ITEM_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:Query");
    public static final List<String> NOTIFIER_TOPIC_ACTIONS = List.of("sns:Publish");
    /** Every function: the table's customer-managed key, only through DynamoDB. */
    public static final List<String> TABLE_KEY_ACTIONS = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
    /** notifier: publishing to the encrypted topic, only through SNS (a publisher needs no kms:Encrypt). */
    public static final List<String> TOPIC_KEY_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey");
    /**
     * api: the callback phones' key (crypto/KmsKeyWrapper): a data key made, a wrapped one unwrapped, only with the encryption
     * context of contact data.
     */
    public static final List<String> CONTACT_KEY_ACTIONS = List.of("kms:GenerateDataKey", "kms:Decrypt");
    /** sweep: writes each day's audit anchor into the Object Lock bucket; it can neither read, list nor delete there. */
    public static final List<String> ANCHOR_ACTIONS = List.of("s3:PutObject");
    /** The partition of the anchor marks (dynamodb:LeadingKeys). */
    static final String ANCHOR_MARKS = "AUDIT_ANCHOR";

    /** Every function writes its own log group, and no other (no AWSLambdaBasicExecutionRole with its "*"). */
    public static final List<String> LOG_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private Permissions() {
    }

    static void grantApi(IRole role, ITable table, IKey key, IKey contactKey, ILogGroup logs) {
        allow(role, API_ITEM_ACTIONS, table.getTableArn());
        allow(role, API_QUERY_ACTIONS, table.getTableArn(), table.getTableArn() + "/index/*");
        allowKeyVia(role, key, TABLE_KEY_ACTIONS, "dynamodb");
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(CONTACT_KEY_ACTIONS)
                .resources(List.of(contactKey.getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:EncryptionContext:purpose", List.of("feedback-contact"))))
                .build());
        allowLogs(role, logs);
    }

    /**
     * The sweep also anchors the audit chains: the day index (ByQueue under AUDITDAY#…), the anchor marks' partition of the
     * table (a Query there; the mark is a PutItem like its other writes), and the anchor objects.
     */
    static void grantSweep(IRole role, ITable table, IKey key, IBucket anchors, ILogGroup logs) {
        allow(role, SWEEP_ITEM_ACTIONS, table.getTableArn());
        allow(role, SWEEP_QUERY_ACTIONS, table.getTableArn() + "/index/" + TableSchema.BY_DUE.name(),
                table.getTableArn() + "/index/" + TableSchema.BY_QUEUE.name());
        allowUnder(role, SWEEP_QUERY_ACTIONS, table, "StringEquals", ANCHOR_MARKS);
        allow(role, ANCHOR_ACTIONS, anchors.arnForObjects("anchors/*"));
        allowKeyVia(role, key, TABLE_KEY_ACTIONS, "dynamodb");
        allowLogs(role, logs);
    }

    /** The stream read itself (and its ListStreams on "*") is granted by the event source when it is attached. */
    static void grantNotifier(IRole role, ITable table, ITopic topic, IKey key, ILogGroup logs) {
        allow(role, NOTIFIER_ITEM_ACTIONS, table.getTableArn());
        allow(role, NOTIFIER_TOPIC_ACTIONS, topic.getTopicArn());
        allowKeyVia(role, key, TABLE_KEY_ACTIONS, "dynamodb");
        allowKeyVia(role, key, TOPIC_KEY_ACTIONS, "sns");
        allowLogs(role, logs);
    }

    private static void allow(IRole role, List<String> actions, String... resources) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create().actions(actions).resources(List.of(resources)).build());
    }

    /** Actions on the table's items whose partition key matches {@code partition} only (fine-grained access control). */
    private static void allowUnder(IRole role, List<String> actions, ITable table, String operator, String partition) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:" + operator, Map.of("dynamodb:LeadingKeys", List.of(partition))))
                .build());
    }

    private static void allowLogs(IRole role, ILogGroup logs) {
        allow(role, LOG_ACTIONS, logs.getLogGroupArn());
    }

    private static void allowKeyVia(IRole role, IKey key, List<String> actions, String service) {
        String viaService = service + "." + Stack.of(role).getRegion() + ".amazonaws.com";
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(key.getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", List.of(viaService))))
                .build());
    }
}
