package com.govfeedback.api;

import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Role;
import com.govfeedback.devtoken.DevTokenIssuer;
import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The function as deployed (the default, {@code prod} profile) trusts only the key set the stack names: a development key
 * pair lying in {@code .local/keys} of the working directory, where {@code make run} keeps it, signs nothing it accepts.
 */
@QuarkusTest
@TestProfile(DeployedKeysTest.DefaultProfile.class)
class DeployedKeysTest {
    /** Where {@code make run} keeps its key pair, relative to the working directory as the local profile reads it. */
    static final Path DEVELOPMENT_KEYS = Path.of(".local", "keys");
    static DevTokenIssuer developmentIssuer;
    static boolean createdHere;

    /** The default profile, without the test store resource the other classes share (it names a key location). */
    public static class DefaultProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevelopmentKeysOnDisk.class));
        }
    }

    /** The development key pair on disk (made here unless present) and the store; no key location is configured. */
    public static class DevelopmentKeysOnDisk implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                createdHere = !Files.exists(DEVELOPMENT_KEYS);
                developmentIssuer = DevTokenIssuer.fromKeyDirectory(DEVELOPMENT_KEYS);
            } catch (Exception e) {
                throw new IllegalStateException("could not make the development key pair", e);
            }
            return Map.of("quarkus.dynamodb.endpoint-override", Dynalite.shared().endpoint().toString(),
                    "quarkus.dynamodb.aws.region", "ap-east-1", "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "test",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "test",
                    "feedback.table-name", Dynalite.tableName(), "feedback.create-table", "true",
                    "quarkus.lambda.mock-event-server.test-port", Integer.toString(Dynalite.freePort()), "quarkus.http.test-port", "0");
        }

        @Override
        public void stop() {
        }
    }

    @AfterAll
    static void removeTheKeysMadeHere() throws IOException {
        if (createdHere) {
            try (Stream<Path> files = Files.walk(DEVELOPMENT_KEYS.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @Test
    void aTokenSignedWithTheDevelopmentKeyIsRefused() {
        String token = developmentIssuer.issue(Role.ADMIN, "mallory", null, Duration.ofMinutes(5));
        Api.post("/queue/overdue", token, Map.of()).statusCode(401).contentType(ProblemResponder.PROBLEM_JSON).body("status", equalTo(401));
        Api.post("/feedback/mine", developmentIssuer.issue(Role.CITIZEN, "mallory", null, Duration.ofMinutes(5)), Map.of()).statusCode(401);
    }
}
