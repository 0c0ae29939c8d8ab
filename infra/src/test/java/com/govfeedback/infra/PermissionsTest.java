package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each function's role allows exactly the listed actions on exactly the listed resources: adding an action, widening a
 * resource or dropping a condition fails here. The expectations are written out, not read from {@link Permissions}.
 */
class PermissionsTest {
    private static final String VIA_DYNAMODB =
            " if {StringEquals={kms:ViaService=[dynamodb.${AWS::Region}.amazonaws.com]}}";
    private static final String VIA_SNS = " if {StringEquals={kms:ViaService=[sns.${AWS::Region}.amazonaws.com]}}";
    private static final String FOR_CONTACT_DATA = " if {StringEquals={kms:EncryptionContext:purpose=[feedback-contact]}}";

    private static final StackFixture.Synthesized SYNTHESIZED = StackFixture.allFunctions();
    private static final TemplateView VIEW = new TemplateView(SYNTHESIZED.template());

    @Test
    void apiReadsAndWritesItemsQueriesTableAndIndexesAndUsesTheKeyOnlyThroughDynamoDb() {
        assertThat(VIEW.permissionsOf("ApiFunction")).containsExactlyInAnyOrder(
                "dynamodb:DescribeTable on FeedbackTable",
                "dynamodb:GetItem on FeedbackTable",
                "dynamodb:PutItem on FeedbackTable",
                "dynamodb:UpdateItem on FeedbackTable",
                "dynamodb:BatchGetItem on FeedbackTable",
                "dynamodb:BatchWriteItem on FeedbackTable",
                "dynamodb:Query on FeedbackTable",
                "dynamodb:Query on FeedbackTable/index/*",
                "kms:Decrypt on DataKey" + VIA_DYNAMODB,
                "kms:Encrypt on DataKey" + VIA_DYNAMODB,
                "kms:GenerateDataKey on DataKey" + VIA_DYNAMODB,
                // the callback phones' key: data keys for contact data only
                "kms:GenerateDataKey on ContactKey" + FOR_CONTACT_DATA,
                "kms:Decrypt on ContactKey" + FOR_CONTACT_DATA,
                "logs:CreateLogStream on ApiLogs",
                "logs:PutLogEvents on ApiLogs");
    }

    @Test
    void sweepQueriesTheDueAndDayIndexesAndTheAnchorMarksPutsItemsAndAnchorsAndNeedsNoMetricAction() {
        // the OverdueUnhandled metric is an Embedded Metric Format line in the sweep's own log group
        assertThat(VIEW.permissionsOf("SweepFunction")).containsExactlyInAnyOrder(
                "dynamodb:PutItem on FeedbackTable",
                "dynamodb:Query on FeedbackTable/index/ByDue",
                "dynamodb:Query on FeedbackTable/index/ByQueue",
                "dynamodb:Query on FeedbackTable if {ForAllValues:StringEquals={dynamodb:LeadingKeys=[AUDIT_ANCHOR]}}",
                "s3:PutObject on AuditAnchors/anchors/*",
                "kms:Decrypt on DataKey" + VIA_DYNAMODB,
                "kms:Encrypt on DataKey" + VIA_DYNAMODB,
                "kms:GenerateDataKey on DataKey" + VIA_DYNAMODB,
                "logs:CreateLogStream on SweepLogs",
                "logs:PutLogEvents on SweepLogs");
    }

    @Test
    void notifierReadsTheStreamUpdatesItemsPublishesToItsTopicAndFeedsItsDeadLetterQueue() {
        // functions/notifier: GetItem, UpdateItem and PutItem (delivery markers, outcomes, the aggregates, copy queue entries,
        // the audit chains, participation's ledger) and Query (a chain's head, an improvement's links), a SigV4-signed SNS
        // Publish (SnsChannel)
        assertThat(VIEW.permissionsOf("NotifierFunction")).containsExactlyInAnyOrder(
                "dynamodb:GetItem on FeedbackTable",
                "dynamodb:PutItem on FeedbackTable",
                "dynamodb:UpdateItem on FeedbackTable",
                "dynamodb:Query on FeedbackTable",
                "sns:Publish on NotificationTopic",
                "kms:Decrypt on DataKey" + VIA_DYNAMODB,
                "kms:Encrypt on DataKey" + VIA_DYNAMODB,
                "kms:GenerateDataKey on DataKey" + VIA_DYNAMODB,
                // publishing to the encrypted topic: SNS asks for a data key and decrypts it, it never encrypts
                "kms:Decrypt on DataKey" + VIA_SNS,
                "kms:GenerateDataKey on DataKey" + VIA_SNS,
                "logs:CreateLogStream on NotifierLogs",
                "logs:PutLogEvents on NotifierLogs",
                // from the stream event source: reading the stream, whose records the key encrypts
                "dynamodb:DescribeStream on FeedbackTable.StreamArn",
                "dynamodb:GetRecords on FeedbackTable.StreamArn",
                "dynamodb:GetShardIterator on FeedbackTable.StreamArn",
                "dynamodb:ListStreams on *",
                "kms:Decrypt on DataKey",
                "kms:DescribeKey on DataKey",
                // from the on-failure destination
                "sqs:GetQueueAttributes on NotifierDeadLetters",
                "sqs:GetQueueUrl on NotifierDeadLetters",
                "sqs:SendMessage on NotifierDeadLetters");
    }

    @Test
    void rolesCarryNoManagedOrInlinePoliciesThatCouldAddActions() {
        for (String role : List.of("ApiRole", "SweepRole", "NotifierRole")) {
            Map<String, Object> properties = VIEW.properties("AWS::IAM::Role", role);
            assertThat(properties).doesNotContainKeys("ManagedPolicyArns", "Policies");
            assertThat(TemplateView.render(properties.get("AssumeRolePolicyDocument")))
                    .contains("Principal={Service=lambda.amazonaws.com}");
        }
    }

    @Test
    void theActionListsInOnePlaceAreTheOnesReviewed() {
        assertThat(Permissions.API_ITEM_ACTIONS).containsExactly(
                "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem",
                "dynamodb:BatchWriteItem");
        assertThat(Permissions.API_QUERY_ACTIONS).containsExactly("dynamodb:Query");
        assertThat(Permissions.SWEEP_ITEM_ACTIONS).containsExactly("dynamodb:PutItem");
        assertThat(Permissions.SWEEP_QUERY_ACTIONS).containsExactly("dynamodb:Query");
        assertThat(Permissions.NOTIFIER_ITEM_ACTIONS).containsExactly("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:Query");
        assertThat(Permissions.NOTIFIER_TOPIC_ACTIONS).containsExactly("sns:Publish");
        assertThat(Permissions.CONTACT_KEY_ACTIONS).containsExactly("kms:GenerateDataKey", "kms:Decrypt");
        assertThat(Permissions.ANCHOR_ACTIONS).containsExactly("s3:PutObject");
        assertThat(Permissions.TABLE_KEY_ACTIONS).containsExactly("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
        assertThat(Permissions.TOPIC_KEY_ACTIONS).containsExactly("kms:Decrypt", "kms:GenerateDataKey");
        assertThat(Permissions.LOG_ACTIONS).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
    }

    @Test
    void cloudWatchMayUseTheKeyOnlyToPublishAlarmsFromThisAccount() {
        String keyPolicy = TemplateView.render(VIEW.properties("AWS::KMS::Key", "DataKey").get("KeyPolicy"));
        assertThat(keyPolicy).contains("Action=[kms:Decrypt, kms:GenerateDataKey], "
                + "Condition={StringEquals={aws:SourceAccount=${AWS::AccountId}}}, Effect=Allow, "
                + "Principal={Service=cloudwatch.amazonaws.com}");
    }
}
