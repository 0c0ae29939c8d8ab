package com.govfeedback.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With staff sign-in strength on (feedback.auth.staff-mfa, set by the stack with the user pool's MFA), staff-side tokens name a second factor. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
@TestProfile(StaffMfaTest.StaffMfaOn.class)
class StaffMfaTest {
    private static final String DEPARTMENT = "HRSS_BUREAU";

    public static class StaffMfaOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feedback.auth.staff-mfa", "true");
        }
    }

    @Test
    void staffAndSupervisorTokensWithoutASecondFactorAreRefusedWithAProblemThatSaysSo() {
        for (String role : List.of("staff", "supervisor")) {
            String claims = "\"groups\":[\"" + role + "\"],\"dept\":\"" + DEPARTMENT + "\"";
            for (String weak : List.of("", ",\"amr\":[\"pwd\"]")) {
                Api.post("/queue/list", Tokens.withClaims(claims + weak), Map.of("department", DEPARTMENT)).statusCode(401)
                        .contentType(ProblemResponder.PROBLEM_JSON).header("WWW-Authenticate", containsString("insufficient_user_authentication"))
                        .body("type", equalTo("/problems/insufficient-user-authentication")).body("detail", containsString("second factor"));
            }
            Api.post("/queue/list", Tokens.withClaims(claims + ",\"amr\":[\"pwd\",\"otp\",\"mfa\"]"), Map.of("department", DEPARTMENT))
                    .statusCode(200);
        }
    }

    @Test
    void citizensSignInAsTheAppLetsThem() {
        Api.post("/feedback/mine", Tokens.withClaims("\"groups\":[\"citizen\"]"), Map.of()).statusCode(200);
    }
}
