package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class TriageAndSlaApiTest {

    @Test
    void slaPreviewFollowsTheWorkingDayCalendarAndIsPublic() {
        // calendar.md: submitted Thu 2026-09-24 16:00 → due end of Mon 2026-10-12 (24:00 Beijing = 16:00 UTC)
        Api.post("/sla/preview", null, Map.of("colour", "BLUE", "submittedAt", "2026-09-24T16:00:00+08:00"))
                .statusCode(200)
                .body("resolveDueAt", equalTo("2026-10-12T16:00:00Z"))
                .body("ackDueAt", equalTo("2026-09-26T08:00:00Z"))
                .body("calendarKnown", equalTo(true));
        Api.post("/sla/preview", null, Map.of("colour", "BLUE", "submittedAt", "2027-12-30T10:00:00+08:00"))
                .statusCode(200).body("calendarKnown", equalTo(false));
        Api.post("/sla/preview", null, Map.of("colour", "PINK", "submittedAt", "yesterday"))
                .statusCode(422).body("errors.field", hasItems("colour", "submittedAt"));
    }

    @Test
    void submittedFeedbackIsMaskedTriagedAndCarriesItsDeadlines() {
        String token = Tokens.freshCitizen();
        JsonPath answer = Api.post("/feedback/submit", token, Api.submission("整个APP都打不开了，所有人都登录不了！我电话13812345678"))
                .statusCode(200)
                .body("text", not(containsString("13812345678")))
                .body("text", containsString("138****5678"))
                .extract().jsonPath();
        String colour = answer.getString("triage.colour");
        assertThat(colour).isIn("RED", "ORANGE", "YELLOW", "BLUE");
        assertThat(answer.getString("triage.department")).isNotBlank();
        assertThat(answer.getString("triage.maskedText")).isNull();
        JsonPath preview = Api.post("/sla/preview", null, Map.of("colour", colour, "submittedAt", answer.getString("receivedAt")))
                .statusCode(200).extract().jsonPath();
        assertThat(answer.getString("sla.acknowledge.dueAt")).isEqualTo(preview.getString("ackDueAt"));
        assertThat(answer.getString("sla.acknowledge.status")).isEqualTo("OPEN");
        assertThat(answer.getInt("sla.escalationLevel")).isZero();
        // the stored copy is the masked one too
        Api.post("/feedback/get", token, Map.of("id", answer.getString("id"))).statusCode(200)
                .body("text", containsString("138****5678"));
    }

    @Test
    void staffSeeTheirDepartmentsFeedbackOnly() {
        String citizen = Tokens.freshCitizen();
        JsonPath answer = Api.post("/feedback/submit", citizen, Api.submission("公积金提取要什么材料？")).statusCode(200).extract().jsonPath();
        String department = answer.getString("triage.department");
        Api.post("/feedback/get", Tokens.staff(department), Map.of("id", answer.getString("id"))).statusCode(200);
        String other = department.equals("TAX_BUREAU") ? "EDUCATION_BUREAU" : "TAX_BUREAU";
        Api.post("/feedback/get", Tokens.staff(other), Map.of("id", answer.getString("id"))).statusCode(404);
    }

    @Test
    void classifyPreviewsTheCategoryAndStoresNothing() {
        String token = Tokens.freshCitizen();
        Api.post("/triage/classify", token, Map.of("text", "医保电子凭证打不开，身份证44030519900101123X"))
                .statusCode(200)
                .body("type", not(equalTo(null)))
                .body("maskedText", not(containsString("44030519900101123X")));
        Api.post("/feedback/mine", token, Map.of()).statusCode(200).body("items.size()", equalTo(0));
        Api.post("/triage/classify", null, Map.of("text", "x")).statusCode(401);
        Api.post("/triage/classify", token, Map.of("text", "")).statusCode(422);
    }
}
