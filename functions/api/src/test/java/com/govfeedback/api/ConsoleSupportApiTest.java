package com.govfeedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the console reads besides the case operations: the code lists, the dashboard's aggregates, and no local sign-in outside `make run`. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class ConsoleSupportApiTest {

    @Test
    void referenceListsNameColoursDepartmentsAndTheMovesOfEachStatus() {
        JsonPath lists = given().post("/reference/lists").then().statusCode(200).extract().jsonPath();
        assertThat(lists.getList("colours.code")).containsExactly("RED", "ORANGE", "YELLOW", "BLUE");
        List<Map<String, Object>> departments = lists.getList("departments");
        assertThat(departments).contains(Map.of("code", "HRSS_BUREAU", "name", "市人力资源和社会保障局"));
        assertThat(departments).extracting(d -> d.get("code")).doesNotHaveDuplicates();
        assertThat(lists.getList("statuses.find { it.code == 'SUBMITTED' }.next")).containsExactlyInAnyOrder("ACCEPTED", "AWAITING_CITIZEN",
                "REJECTED");
        assertThat(lists.getString("statuses.find { it.code == 'RESOLVED' }.name")).isEqualTo("已办结");
        assertThat(lists.getList("statuses.find { it.code == 'CLOSED' }.next")).isEmpty();
    }

    @Test
    void theDashboardIsForSupervisorsAndAdminsAndReadsAtMostAQuarter() {
        Api.post("/insights/dashboard", Tokens.staff("HRSS_BUREAU"), Map.of()).statusCode(403);
        String supervisor = Tokens.supervisor("HRSS_BUREAU");
        Api.post("/insights/dashboard", supervisor, Map.of("from", "2026-12-01", "to", "2026-12-31")).statusCode(200)
                .body("from", equalTo("2026-12-01")).body("to", equalTo("2026-12-31"));
        Api.post("/insights/dashboard", supervisor, Map.of("from", "2026-01-01", "to", "2026-12-31")).statusCode(422)
                .body("errors[0].field", equalTo("from"));
        Api.post("/insights/dashboard", supervisor, Map.of("to", "31.12.2026")).statusCode(422).body("errors[0].field", equalTo("to"));
    }

    @Test
    void theDevelopmentSignInIsNotPartOfTheDeployedFunction() {
        given().contentType("application/json").body(Map.of("role", "admin", "name", "mallory")).post("/dev/sign-in").then()
                .statusCode(404).contentType(ProblemResponder.PROBLEM_JSON).body("status", equalTo(404));
    }
}
