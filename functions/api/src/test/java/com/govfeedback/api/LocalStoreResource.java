package com.govfeedback.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.govfeedback.devtoken.DevTokenIssuer;
import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real DynamoDB API server and a fresh token key pair for the API under test. A test profile may give it a
 * {@value #TABLE} of its own (init argument), so a test that fills the store does not crowd the others' queues.
 */
public class LocalStoreResource implements QuarkusTestResourceLifecycleManager {
    static final String TABLE = "table";
    static DevTokenIssuer tokens;
    /** Where the in-process notifier writes what it delivered during the tests. */
    static Path notifications;
    /** The key-encryption key files of callback phones (a test may rotate them). */
    static Path contactKeys;
    private String table = Dynalite.tableName();

    @Override
    public void init(Map<String, String> initArgs) {
        table = initArgs.getOrDefault(TABLE, table);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path keys = Files.createTempDirectory("feedback-test-keys");
            tokens = DevTokenIssuer.fromKeyDirectory(keys);
            notifications = keys.resolve("notifications.jsonl");
            contactKeys = keys.resolve("contact");
            return Map.of(
                    "feedback.contact.local-key-dir", contactKeys.toString(),
                    "feedback.notifications.local-sink-file", notifications.toString(),
                    "quarkus.dynamodb.endpoint-override", Dynalite.shared().endpoint().toString(),
                    "feedback.table-name", table,
                    "mp.jwt.verify.publickey.location", keys.resolve("public.pem").toUri().toString(),
                    // requests reach the function through the Lambda extension's mock event server, as API Gateway events
                    "quarkus.lambda.mock-event-server.test-port", Integer.toString(Dynalite.freePort()),
                    // a free HTTP port too: other modules' or checkouts' test runs may hold the default 8081
                    "quarkus.http.test-port", "0");
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the test store and keys", e);
        }
    }

    @Override
    public void stop() {
        // the store lives as long as the test JVM so every test class shares one warm server
    }
}
