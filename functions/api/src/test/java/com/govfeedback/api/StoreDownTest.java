package com.govfeedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the store unreachable, requests answer 503 and health answers DOWN. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
@TestProfile(StoreDownTest.UnreachableStore.class)
class StoreDownTest {

    public static class UnreachableStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a port nothing listens on, and no SDK retries so the test stays quick
            return Map.of("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + Dynalite.freePort(),
                    "feedback.create-table", "false",
                    "quarkus.dynamodb.sync-client.connection-timeout", "1S");
        }
    }

    @Test
    void submitIs503ProblemWhenTheStoreCannotBeReached() {
        Api.post("/feedback/submit", Tokens.freshCitizen(), Api.submission("医保电子凭证打不开"))
                .statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }

    @Test
    void healthIsDown() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
