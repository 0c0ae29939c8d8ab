package com.govfeedback.api;

import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With the stack's staff user pool as issuer, the api function reads the role from {@code cognito:groups} and the
 * department from {@code custom:dept}, the names Cognito's ID tokens use (the stack sets both, see FunctionEnvironment).
 */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
@TestProfile(CognitoClaimsTest.CognitoClaimNames.class)
class CognitoClaimsTest {
    private static final String DEPARTMENT = "HRSS_BUREAU";

    public static class CognitoClaimNames implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.jwt.path.groups", "\"cognito:groups\"", "feedback.auth.department-claim", "custom:dept");
        }
    }

    private static String idToken(String roleClaims) {
        return Tokens.withClaims("\"cognito:username\":\"wang.li\",\"token_use\":\"id\"" + (roleClaims.isEmpty() ? "" : "," + roleClaims));
    }

    @Test
    void aStaffMembersIdTokenFromThePoolOpensTheirDepartmentsQueue() {
        Api.post("/queue/list", idToken("\"cognito:groups\":[\"staff\"],\"custom:dept\":\"" + DEPARTMENT + "\""), Map.of())
                .statusCode(200);
    }

    @Test
    void theDepartmentIsReadFromCustomDeptOnly() {
        Api.post("/queue/list", idToken("\"cognito:groups\":[\"staff\"],\"dept\":\"" + DEPARTMENT + "\""), Map.of())
                .statusCode(403).body("detail", containsString("must name a department"));
    }

    @Test
    void theRoleIsReadFromCognitoGroups() {
        Api.post("/queue/list", idToken("\"cognito:groups\":[\"citizen\"]"), Map.of()).statusCode(403);
        Api.post("/queue/list", idToken("\"cognito:groups\":[\"visitors\"]"), Map.of())
                .statusCode(403).body("detail", containsString("grants no role"));
    }
}
