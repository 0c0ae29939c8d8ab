package com.govfeedback.sweep;

import java.util.Map;

import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the function under test at dynalite, a table of its own, and a free port for the Lambda mock event server. */
public class SweepStoreResource implements QuarkusTestResourceLifecycleManager {
    static final String TABLE = Dynalite.tableName() + "-sweep-function";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.dynamodb.endpoint-override", Dynalite.shared().endpoint().toString(),
                "feedback.table-name", TABLE,
                "quarkus.lambda.mock-event-server.test-port", Integer.toString(Dynalite.freePort()));
    }

    @Override
    public void stop() {
        // the store lives as long as the test JVM
    }
}
