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
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Every IAM action a function is given, in one place, each on the exact resource it needs. One action takes no
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
     * conditional PutItem of its figures, a GetItem of the tally after a repeated delivery) and the copy queues' entries
     * (conditional PutItem).
     */
    public static final List<String> NOTIFIER_ITEM_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    public static final List<String> NOTIFIER_TOPIC_ACTIONS = List.of("sns:Publish");
    /** Every function: the table's customer-managed key, only through DynamoDB. */
    public static final List<String> TABLE_KEY_ACTIONS = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
    /** notifier: publishing to the encrypted topic, only through SNS (a publisher needs no kms:Encrypt). */
    public static final List<String> TOPIC_KEY_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey");
    /** Every function writes its own log group, and no other (no AWSLambdaBasicExecutionRole with its "*"). */
    public static final List<String> LOG_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private Permissions() {
    }

    static void grantApi(IRole role, ITable table, IKey key, ILogGroup logs) {
        allow(role, API_ITEM_ACTIONS, table.getTableArn());
        allow(role, API_QUERY_ACTIONS, table.getTableArn(), table.getTableArn() + "/index/*");
        allowKeyVia(role, key, TABLE_KEY_ACTIONS, "dynamodb");
        allowLogs(role, logs);
    }

    static void grantSweep(IRole role, ITable table, IKey key, ILogGroup logs) {
        allow(role, SWEEP_ITEM_ACTIONS, table.getTableArn());
        allow(role, SWEEP_QUERY_ACTIONS, table.getTableArn() + "/index/" + TableSchema.BY_DUE.name());
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
