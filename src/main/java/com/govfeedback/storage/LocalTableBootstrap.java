package com.govfeedback.storage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the table from {@link TableSchema} when it is missing: for the local store and for tests.
 * In the cloud the CDK stack creates it from the same definitions.
 */
public final class LocalTableBootstrap {
    private static final Logger LOG = Logger.getLogger(LocalTableBootstrap.class);

    private LocalTableBootstrap() {
    }

    public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
        try {
            if (dynamo.describeTable(b -> b.tableName(tableName)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
        } catch (ResourceNotFoundException missing) {
            try {
                dynamo.createTable(createRequest(tableName));
                LOG.infof("Created table %s", tableName);
            } catch (ResourceInUseException raced) {
                // another process created it between our two calls: that is what we wanted
            }
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    static CreateTableRequest createRequest(String tableName) {
        Set<String> attributes = new LinkedHashSet<>(List.of(TableSchema.PK, TableSchema.SK));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableSchema.Index index : TableSchema.INDEXES) {
            attributes.add(index.partitionKey());
            attributes.add(index.sortKey());
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(TableSchema.PK, KeyType.HASH), key(TableSchema.SK, KeyType.RANGE))
                .attributeDefinitions(attributes.stream()
                        .map(name -> AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build())
                        .toList())
                .globalSecondaryIndexes(indexes)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
