package com.govfeedback.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.InsufficientAuthenticationException;
import com.govfeedback.shared.Json;
import com.govfeedback.shared.ProblemException;
import com.govfeedback.shared.UnauthorizedException;

class TokenRulesTest {
    private static final Set<String> DEPARTMENTS = Set.of("HRSS_BUREAU", "TAX_BUREAU");
    private final TokenRules plain = new TokenRules("groups", "dept", DEPARTMENTS, Set.of());
    private final TokenRules mfa = new TokenRules("groups", "dept", DEPARTMENTS, Set.of("mfa", "otp", "hwk"));

    private static JsonNode claims(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static int refusal(TokenRules rules, String json) {
        try {
            rules.caller(claims(json));
        } catch (ProblemException refused) {
            return refused.status();
        }
        return 200;
    }

    @Test
    void oneRoleOfThisServiceMakesTheCallerAndOtherApplicationsGroupsAreIgnored() {
        assertThat(plain.caller(claims("{\"sub\":\"wang\",\"groups\":[\"staff\",\"intranet\"],\"dept\":\"HRSS_BUREAU\"}")))
                .isEqualTo(new Caller("wang", Role.STAFF, "HRSS_BUREAU"));
        assertThat(plain.caller(claims("{\"sub\":\"office\",\"groups\":[\"optimisation-office\"]}")).role()).isEqualTo(Role.OPTIMISATION_OFFICE);
        // a department on a role that works city-wide or for itself means nothing and is not carried
        assertThat(plain.caller(claims("{\"sub\":\"root\",\"groups\":[\"admin\"],\"dept\":\"HRSS_BUREAU\"}")).department()).isNull();
    }

    @Test
    void twoRolesAreRefusedInEitherOrderAndNoRoleIsRefused() {
        for (String groups : List.of("[\"staff\",\"admin\"]", "[\"admin\",\"staff\"]", "[\"citizen\",\"optimisation-office\"]")) {
            assertThatThrownBy(() -> plain.caller(claims("{\"sub\":\"x\",\"groups\":" + groups + ",\"dept\":\"HRSS_BUREAU\"}")))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("more than one role");
        }
        assertThat(refusal(plain, "{\"sub\":\"x\",\"groups\":[\"visitors\"]}")).isEqualTo(403);
        assertThat(refusal(plain, "{\"sub\":\"x\"}")).isEqualTo(403);
    }

    @Test
    void staffAndSupervisorsNameADepartmentOfTheTaxonomy() {
        assertThatThrownBy(() -> plain.caller(claims("{\"sub\":\"x\",\"groups\":[\"supervisor\"],\"dept\":\"REVIEW\"}")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("not a department");
        assertThat(refusal(plain, "{\"sub\":\"x\",\"groups\":[\"staff\"]}")).isEqualTo(403);
        assertThat(refusal(plain, "{\"sub\":\"x\",\"groups\":[\"staff\"],\"dept\":\" \"}")).isEqualTo(403);
    }

    @Test
    void everyClaimOfTheWrongJsonTypeIs401() {
        for (String dept : List.of("42", "[\"HRSS_BUREAU\"]", "{\"code\":\"HRSS_BUREAU\"}", "true", "null")) {
            assertThat(refusal(plain, "{\"sub\":\"x\",\"groups\":[\"staff\"],\"dept\":" + dept + "}")).as("dept " + dept).isEqualTo(401);
            assertThat(refusal(plain, "{\"sub\":\"x\",\"groups\":[\"citizen\"],\"dept\":" + dept + "}")).as("citizen dept " + dept).isEqualTo(401);
        }
        for (String groups : List.of("\"staff\"", "7", "{}", "[7]", "[null]", "[[\"staff\"]]")) {
            assertThat(refusal(plain, "{\"sub\":\"x\",\"groups\":" + groups + ",\"dept\":\"HRSS_BUREAU\"}")).as("groups " + groups).isEqualTo(401);
        }
        for (String amr : List.of("\"mfa\"", "5", "[1]", "{}")) {
            assertThatThrownBy(() -> plain.caller(claims("{\"sub\":\"x\",\"groups\":[\"citizen\"],\"amr\":" + amr + "}")))
                    .isInstanceOf(UnauthorizedException.class).hasMessageContaining("amr");
        }
        assertThat(refusal(plain, "{\"sub\":42,\"groups\":[\"citizen\"]}")).isEqualTo(401);
        assertThat(refusal(plain, "{\"groups\":[\"citizen\"]}")).isEqualTo(401);
    }

    @Test
    void theSubjectIsShortPrintableTextThatFitsTheStoresKeys() {
        assertThat(refusal(plain, "{\"sub\":\"" + "s".repeat(TokenRules.MAX_SUBJECT_BYTES) + "\",\"groups\":[\"citizen\"]}")).isEqualTo(200);
        assertThat(refusal(plain, "{\"sub\":\"" + "s".repeat(TokenRules.MAX_SUBJECT_BYTES + 1) + "\",\"groups\":[\"citizen\"]}")).isEqualTo(401);
        // counted in UTF-8 bytes, as the store counts key sizes
        assertThat(refusal(plain, "{\"sub\":\"" + "市".repeat(86) + "\",\"groups\":[\"citizen\"]}")).isEqualTo(401);
        for (String subject : List.of("", " ", "a\\u0000b", "a\\nb", "\\ud800x")) {
            assertThat(refusal(plain, "{\"sub\":\"" + subject + "\",\"groups\":[\"citizen\"]}")).as("subject " + subject).isEqualTo(401);
        }
    }

    @Test
    void withStaffMfaOnEveryStaffSideTokenNamesASecondFactorAndCitizensAreNotAsked() {
        for (String role : List.of("staff", "supervisor", "admin", "optimisation-office")) {
            String claims = "{\"sub\":\"x\",\"groups\":[\"" + role + "\"],\"dept\":\"HRSS_BUREAU\"";
            assertThatThrownBy(() -> mfa.caller(claims(claims + ",\"amr\":[\"pwd\"]}"))).as(role)
                    .isInstanceOf(InsufficientAuthenticationException.class).hasMessageContaining("second factor");
            assertThat(refusal(mfa, claims + "}")).as(role + " without amr").isEqualTo(401);
            assertThat(refusal(mfa, claims + ",\"amr\":[\"pwd\",\"otp\",\"mfa\"]}")).as(role + " with otp").isEqualTo(200);
            assertThat(refusal(plain, claims + "}")).as(role + " without the setting").isEqualTo(200);
        }
        assertThat(refusal(mfa, "{\"sub\":\"x\",\"groups\":[\"citizen\"]}")).isEqualTo(200);
    }
}
