package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The copy queue (抄送队列) through the API: a department that triage copied on a case finds it in {@code queue/copies} with
 * its current status and deadlines; the lead department and departments that were not copied get nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class CopyQueueApiTest {
    /** Triage leads this with HRSS_BUREAU and copies HOUSING_FUND_CENTER (housing fund withdrawal needs a social insurance record). */
    private static final String COPIED_TEXT = "公积金提取需要社保缴费证明，社保局系统查不到";

    private static List<String> copyQueue(String token, Map<String, Object> body) {
        return Api.post("/queue/copies", token, body).statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void theCopiedDepartmentsStaffFindTheCaseInItsCopyQueueAndOthersDoNot() {
        JsonPath submitted = Api.post("/feedback/submit", Tokens.freshCitizen(), Api.submission(COPIED_TEXT + System.nanoTime() % 1000))
                .statusCode(200).extract().jsonPath();
        String id = submitted.getString("id");
        String lead = submitted.getString("triage.department");
        List<String> copied = submitted.getList("triage.copiedDepartments", String.class);
        assertThat(copied).as("pick another text if the model changed").isNotEmpty().doesNotContain("TAX_BUREAU");

        JsonPath page = Api.post("/queue/copies", Tokens.staff(copied.get(0)), Map.of("limit", 50)).statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id", String.class)).contains(id);
        Map<String, Object> item = page.getMap("items.find { it.id == '" + id + "' }");
        assertThat(item).containsEntry("status", "SUBMITTED").containsKey("sla");
        assertThat(page.getString("items.find { it.id == '" + id + "' }.triage.department")).isEqualTo(lead);

        assertThat(copyQueue(Tokens.staff(lead), Map.of())).as("the lead department works it in its own queue").doesNotContain(id);
        assertThat(copyQueue(Tokens.staff("TAX_BUREAU"), Map.of())).as("a department that was not copied gets nothing").doesNotContain(id);
        assertThat(copyQueue(Tokens.supervisor("TAX_BUREAU"), Map.of("department", copied.get(0)))).contains(id);
    }

    @Test
    void staffReadTheirOwnCopyQueueOnlyAndLeadersNameOne() {
        Api.post("/queue/copies", Tokens.staff("TAX_BUREAU"), Map.of("department", "HOUSING_FUND_CENTER")).statusCode(403)
                .contentType("application/problem+json");
        Api.post("/queue/copies", Tokens.freshCitizen(), Map.of()).statusCode(403);
        Api.post("/queue/copies", Tokens.office(), Map.of()).statusCode(403);
        Api.post("/queue/copies", Tokens.supervisor("TAX_BUREAU"), Map.of()).statusCode(422).contentType("application/problem+json");
        Api.post("/queue/copies", Tokens.staff("TAX_BUREAU"), Map.of("limit", 51)).statusCode(422);
        Api.post("/queue/copies", Tokens.staff("TAX_BUREAU"), Map.of("cursor", "not-a-cursor")).statusCode(422);
    }
}
