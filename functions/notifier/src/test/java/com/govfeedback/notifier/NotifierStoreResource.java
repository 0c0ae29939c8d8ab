package com.govfeedback.notifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real DynamoDB API server and a fresh notification file for the notifier under test. */
public class NotifierStoreResource implements QuarkusTestResourceLifecycleManager {
    static Path notifications;

    @Override
    public Map<String, String> start() {
        try {
            notifications = Files.createTempDirectory("notifier-test").resolve("notifications.jsonl");
            return Map.of(
                    "quarkus.dynamodb.endpoint-override", Dynalite.shared().endpoint().toString(),
                    "feedback.table-name", Dynalite.tableName(),
                    "feedback.notifications.local-sink-file", notifications.toString(),
                    "quarkus.lambda.mock-event-server.test-port", Integer.toString(Dynalite.freePort()),
                    // a free HTTP port too: other modules' or checkouts' test runs may hold the default 8081
                    "quarkus.http.test-port", "0");
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the test store", e);
        }
    }

    @Override
    public void stop() {
        // the store lives as long as the test JVM
    }
}
