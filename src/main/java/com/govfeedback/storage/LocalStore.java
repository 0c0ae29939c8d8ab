package com.govfeedback.storage;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local store for the developers' and operators' commands (make sweep, insights-rebuild, audit-verify). */
public final class LocalStore {
    private LocalStore() {
    }

    /** A client of the store at {@code DYNAMODB_ENDPOINT} (default http://localhost:8000, where make run keeps it). */
    public static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(env("DYNAMODB_ENDPOINT", "http://localhost:8000")))
                .region(Region.AP_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** The table at {@code FEEDBACK_TABLE_NAME} (default feedback). */
    public static String table() {
        return env("FEEDBACK_TABLE_NAME", TableSchema.DEFAULT_TABLE_NAME);
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
