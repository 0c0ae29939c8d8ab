package com.govfeedback.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Points the function under test at dynalite and a table of its own (created here: the sweep never creates tables), and
 * gives the Lambda mock event server a free port.
 */
public class SweepStoreResource implements QuarkusTestResourceLifecycleManager {
    static final String TABLE = Dynalite.tableName() + "-sweep-function";

    @Override
    public Map<String, String> start() {
        try (DynamoDbClient dynamo = Dynalite.shared().client()) {
            LocalTableBootstrap.createIfMissing(dynamo, TABLE);
        }
        return Map.of(
                "quarkus.dynamodb.endpoint-override", Dynalite.shared().endpoint().toString(),
                "feedback.table-name", TABLE,
                "feedback.audit.anchor-dir", anchorDir().toString(),
                // the recorded event's minute, Beijing time: its run measures the satisfaction change
                "feedback.improvements.measure-satisfaction-at", "12:00",
                "quarkus.lambda.mock-event-server.test-port", Integer.toString(Dynalite.freePort()),
                // a free HTTP port too: other modules' or checkouts' test runs may hold the default 8081
                "quarkus.http.test-port", "0");
    }

    private static Path anchorDir() {
        try {
            return Files.createTempDirectory("sweep-audit-anchors");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the store lives as long as the test JVM
    }
}
