package com.govfeedback.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a signed token must hold before the core sees a caller: exactly one role of this service, a department of the
 * taxonomy for staff and supervisors, claims of the right JSON type, a subject that fits the store's keys. Every refusal
 * is a problem document, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class TokenClaimsTest {
    private static final String DEPARTMENT = "HRSS_BUREAU";

    @Test
    void aTokenWithTwoRolesIsRefusedWhicheverWayTheyAreListed() {
        for (String groups : List.of("[\"staff\",\"admin\"]", "[\"admin\",\"staff\"]", "[\"citizen\",\"supervisor\"]")) {
            Api.post("/queue/list", Tokens.withClaims("\"groups\":" + groups + ",\"dept\":\"" + DEPARTMENT + "\""), Map.of("department", DEPARTMENT))
                    .statusCode(403).contentType(ProblemResponder.PROBLEM_JSON).body("detail", containsString("more than one role"));
        }
        // a group of another application beside one role of this service is not a second role
        Api.post("/queue/list", Tokens.withClaims("\"groups\":[\"staff\",\"intranet-users\"],\"dept\":\"" + DEPARTMENT + "\""), Map.of())
                .statusCode(200);
    }

    @Test
    void aDepartmentOutsideTheTaxonomyIsRefusedAndNeverOpensTheManualTriageQueue() {
        for (String role : List.of("staff", "supervisor")) {
            Api.post("/queue/list", Tokens.withClaims("\"groups\":[\"" + role + "\"],\"dept\":\"REVIEW\""), Map.of())
                    .statusCode(403).contentType(ProblemResponder.PROBLEM_JSON).body("detail", containsString("not a department"));
        }
    }

    @Test
    void claimsOfTheWrongJsonTypeAnswer401() {
        for (String department : List.of("42", "[\"" + DEPARTMENT + "\"]", "{\"code\":\"" + DEPARTMENT + "\"}", "true", "null")) {
            Api.post("/queue/list", Tokens.withClaims("\"groups\":[\"staff\"],\"dept\":" + department), Map.of())
                    .statusCode(401).contentType(ProblemResponder.PROBLEM_JSON).body("status", equalTo(401));
        }
        // a citizen's token is checked too, although a citizen needs no department
        Api.post("/feedback/mine", Tokens.withClaims("\"groups\":[\"citizen\"],\"dept\":7"), Map.of()).statusCode(401)
                .contentType(ProblemResponder.PROBLEM_JSON).body("detail", containsString("dept"));
        for (String groups : List.of("7", "{\"role\":\"staff\"}", "[7]", "[[\"staff\"]]")) {
            Api.post("/queue/list", Tokens.withClaims("\"groups\":" + groups + ",\"dept\":\"" + DEPARTMENT + "\""), Map.of())
                    .statusCode(401).contentType(ProblemResponder.PROBLEM_JSON);
        }
        for (String amr : List.of("\"mfa\"", "5", "[1]")) {
            Api.post("/feedback/mine", Tokens.withClaims("\"groups\":[\"citizen\"],\"amr\":" + amr), Map.of()).statusCode(401)
                    .contentType(ProblemResponder.PROBLEM_JSON).body("detail", containsString("amr"));
        }
    }

    @Test
    void aSubjectTooLongForTheStoresKeysIsRefusedBeforeAnythingIsWritten() {
        for (int length : List.of(256, 2049, 5000)) {
            String subject = "s".repeat(length);
            Api.post("/feedback/submit", Tokens.withClaims("\"sub\":\"" + subject + "\",\"groups\":[\"citizen\"]"), Api.submission("社保卡页面一直闪退"))
                    .statusCode(401).contentType(ProblemResponder.PROBLEM_JSON).body("detail", containsString("subject"));
        }
        String longest = "s".repeat(255 - 37) + "-" + UUID.randomUUID();
        Api.post("/feedback/submit", Tokens.withClaims("\"sub\":\"" + longest + "\",\"groups\":[\"citizen\"]"), Api.submission("社保卡页面一直闪退"))
                .statusCode(200);
        // three bytes a character: 100 characters are 300 bytes
        Api.post("/feedback/mine", Tokens.withClaims("\"sub\":\"" + "市".repeat(100) + "\",\"groups\":[\"citizen\"]"), Map.of()).statusCode(401);
        Api.post("/feedback/mine", Tokens.withClaims("\"sub\":42,\"groups\":[\"citizen\"]"), Map.of()).statusCode(401)
                .contentType(ProblemResponder.PROBLEM_JSON);
        Api.post("/feedback/mine", Tokens.withClaims("\"sub\":\"a\\u0000b\",\"groups\":[\"citizen\"]"), Map.of()).statusCode(401)
                .contentType(ProblemResponder.PROBLEM_JSON);
    }
}
