package com.govfeedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class HealthAndLogsTest {

    @Test
    void healthReportsTheStoreReady() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("feedback-store"));
    }

    @Test
    void noLogLineHoldsTheFeedbackTextOrTheToken() {
        try (LogCapture capture = new LogCapture()) {
            String marker = "独特标记" + UUID.randomUUID();
            String token = Tokens.freshCitizen();
            Api.post("/feedback/submit", token, Api.submission(marker)).statusCode(200);
            Api.post("/feedback/submit", token, "{\"text\": \"" + marker).statusCode(400);
            Map<String, Object> invalid = Api.submission(marker);
            invalid.put("channel", "FAX");
            Api.post("/feedback/submit", token, invalid).statusCode(422);
            // a field of the wrong type: the parser's message would quote the value
            Map<String, Object> wrongType = Api.submission("x");
            wrongType.put("context", marker);
            Api.post("/feedback/submit", token, wrongType).statusCode(400);
            org.jboss.logging.Logger.getLogger(HealthAndLogsTest.class).info("capture probe");
            assertThat(capture.lines()).as("the capture works").anyMatch(line -> line.contains("capture probe"));
            assertThat(capture.lines()).noneMatch(line -> line.contains(marker) || line.contains(token));
        }
    }
}
