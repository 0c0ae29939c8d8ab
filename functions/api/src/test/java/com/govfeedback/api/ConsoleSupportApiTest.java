package com.govfeedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.sla.CityZone;

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
        assertThat(lists.getMap("domains.find { it.code == 'SOCIAL_INSURANCE' }")).containsEntry("department", "HRSS_BUREAU");
        List<Map<String, Object>> departments = lists.getList("departments");
        assertThat(departments).contains(Map.of("code", "HRSS_BUREAU", "name", "市人力资源和社会保障局"));
        assertThat(departments).extracting(d -> d.get("code")).doesNotHaveDuplicates();
        assertThat(lists.getList("statuses.find { it.code == 'SUBMITTED' }.next")).containsExactlyInAnyOrder("ACCEPTED", "AWAITING_CITIZEN",
                "REJECTED");
        assertThat(lists.getString("statuses.find { it.code == 'RESOLVED' }.name")).isEqualTo("已办结");
        assertThat(lists.getList("statuses.find { it.code == 'CLOSED' }.next")).isEmpty();
        assertThat(lists.getString("improvementStatuses.find { it.code == 'IN_DEVELOPMENT' }.name")).isEqualTo("开发中");
        assertThat(lists.getList("improvementStatuses.find { it.code == 'IN_TESTING' }.next")).containsExactlyInAnyOrder("RELEASED", "IN_DEVELOPMENT");
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
    void theDashboardCountsReportsPerClusterNamesTheTopClustersAndGivesEachDomainsDaysWithTheWeekBefore() {
        // a text no other test sends, so no other test's feedback joins this cluster (nor this one theirs)
        String unique = "编号" + System.nanoTime() % 100000;
        JsonPath first = Api.post("/feedback/submit", Tokens.freshCitizen(), Api.submission("电子驾驶证申领页面" + unique
                + "一直提示照片不合格，换了好几张都不行，已经连续试了一周")).statusCode(200).extract().jsonPath();
        JsonPath again = Api.post("/feedback/submit", Tokens.freshCitizen(), Api.submission("电子驾驶证申领页面" + unique
                + "一直提示照片不合格，换了好几张都不行！！已经连续试了一周了")).statusCode(200).extract().jsonPath();
        String cluster = first.getString("id");
        assertThat(again.getString("similar.clusterId")).isEqualTo(cluster);
        String today = LocalDate.now(CityZone.ZONE).toString();

        JsonPath dashboard = Api.post("/insights/dashboard", Tokens.supervisor("HRSS_BUREAU"), Map.of("from", today, "to", today))
                .statusCode(200).extract().jsonPath();
        int reports = dashboard.getList("clusters.collect { it.counters['c." + cluster + "'] ?: 0 }", Integer.class).stream()
                .mapToInt(Integer::intValue).sum();
        assertThat(reports).as("the feedback that joined it; the first one names it").isEqualTo(1);
        Map<String, Object> label = dashboard.getMap("clusterLabels.find { it.clusterId == '" + cluster + "' }");
        assertThat(label).containsEntry("trackingNo", first.getString("trackingNo")).containsEntry("members", 2)
                .containsEntry("domain", first.getString("triage.domain"));
        assertThat(dashboard.getList("domains.day", String.class)).contains(today)
                .allSatisfy(day -> assertThat(LocalDate.parse(day)).isBetween(LocalDate.parse(today).minusDays(7), LocalDate.parse(today)));
    }

    @Test
    void theDevelopmentSignInIsNotPartOfTheDeployedFunction() {
        given().contentType("application/json").body(Map.of("role", "admin", "name", "mallory")).post("/dev/sign-in").then()
                .statusCode(404).contentType(ProblemResponder.PROBLEM_JSON).body("status", equalTo(404));
    }
}
