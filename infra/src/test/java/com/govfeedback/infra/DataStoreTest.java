package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import com.govfeedback.storage.TableSchema;

/** The table is built from {@link TableSchema} and keeps its data safe: PITR, deletion protection, TTL, stream, KMS. */
class DataStoreTest {
    private static final TemplateView VIEW = new TemplateView(StackFixture.allFunctions().template());

    private Map<String, Object> table() {
        return VIEW.properties("AWS::DynamoDB::Table", "FeedbackTable");
    }

    @Test
    void keysAndIndexesAreTheOnesTableSchemaDefines() {
        assertThat(table().get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", TableSchema.PK, "KeyType", "HASH"),
                Map.of("AttributeName", TableSchema.SK, "KeyType", "RANGE")));

        Set<String> keyAttributes = new LinkedHashSet<>(List.of(TableSchema.PK, TableSchema.SK));
        List<Map<String, Object>> indexes = new ArrayList<>();
        for (TableSchema.Index index : TableSchema.INDEXES) {
            keyAttributes.add(index.partitionKey());
            keyAttributes.add(index.sortKey());
            indexes.add(Map.of(
                    "IndexName", index.name(),
                    "KeySchema", List.of(
                            Map.of("AttributeName", index.partitionKey(), "KeyType", "HASH"),
                            Map.of("AttributeName", index.sortKey(), "KeyType", "RANGE")),
                    "Projection", Map.of("ProjectionType", "ALL")));
        }
        assertThat(table().get("GlobalSecondaryIndexes")).asInstanceOf(
                InstanceOfAssertFactories.LIST).containsExactlyInAnyOrderElementsOf(indexes);
        assertThat(table().get("AttributeDefinitions")).asInstanceOf(
                InstanceOfAssertFactories.LIST).containsExactlyInAnyOrderElementsOf(
                keyAttributes.stream().map(name -> Map.of("AttributeName", name, "AttributeType", "S")).toList());
        // the sweep's permission names this index: it must exist
        assertThat(indexes).extracting(index -> index.get("IndexName")).contains("ByDue");
    }

    @Test
    void isOnDemandWithPointInTimeRecoveryDeletionProtectionAndRetainedOnStackDeletion() {
        assertThat(table()).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("DeletionProtectionEnabled", true)
                .doesNotContainKey("ProvisionedThroughput");
        assertThat(VIEW.resource("AWS::DynamoDB::Table", "FeedbackTable"))
                .containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void auditAnchorsAreUnderObjectLockInComplianceModeAndKept() {
        Map<String, Object> bucket = VIEW.properties("AWS::S3::Bucket", "AuditAnchors");
        assertThat(bucket).containsEntry("ObjectLockEnabled", true)
                .containsEntry("ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
                        "Rule", Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 3650))))
                .containsEntry("VersioningConfiguration", Map.of("Status", "Enabled"));
        assertThat(TemplateView.render(bucket.get("PublicAccessBlockConfiguration"))).isEqualTo(
                "{BlockPublicAcls=true, BlockPublicPolicy=true, IgnorePublicAcls=true, RestrictPublicBuckets=true}");
        assertThat(VIEW.resource("AWS::S3::Bucket", "AuditAnchors")).containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void callbackPhonesHaveTheirOwnRotatedKeyKeptOnStackDeletion() {
        assertThat(VIEW.properties("AWS::KMS::Key", "ContactKey")).containsEntry("EnableKeyRotation", true);
        assertThat(VIEW.resource("AWS::KMS::Key", "ContactKey")).containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void expiresItemsByTheTtlAttributeAndStreamsNewAndOldImages() {
        assertThat(table())
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", TableSchema.TTL, "Enabled", true))
                .containsEntry("StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"));
    }

    @Test
    void encryptsTableAndTopicsWithTheRotatedCustomerManagedKey() {
        assertThat(TemplateView.render(table().get("SSESpecification")))
                .isEqualTo("{KMSMasterKeyId=DataKey, SSEEnabled=true, SSEType=KMS}");
        assertThat(VIEW.properties("AWS::KMS::Key", "DataKey")).containsEntry("EnableKeyRotation", true);
        assertThat(VIEW.resource("AWS::KMS::Key", "DataKey")).containsEntry("DeletionPolicy", "Retain");
        for (String topic : List.of("NotificationTopic", "AlarmTopic")) {
            assertThat(TemplateView.render(VIEW.properties("AWS::SNS::Topic", topic).get("KmsMasterKeyId")))
                    .isEqualTo("DataKey");
        }
    }

    @Test
    void deadLetterQueueIsEncryptedAndRefusesPlainHttp() {
        assertThat(VIEW.properties("AWS::SQS::Queue", "NotifierDeadLetters"))
                .containsEntry("SqsManagedSseEnabled", true)
                .containsEntry("MessageRetentionPeriod", 1209600);
        assertThat(TemplateView.render(VIEW.properties("AWS::SQS::QueuePolicy", "NotifierDeadLettersPolicy")))
                .contains("Condition={Bool={aws:SecureTransport=false}}, Effect=Deny");
    }
}
