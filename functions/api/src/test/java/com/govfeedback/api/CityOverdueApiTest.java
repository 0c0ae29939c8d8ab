package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The leaders' city-wide overdue list: every department's overdue cases from its queue, the most overdue first. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class CityOverdueApiTest {
    @AfterEach
    void realTime() {
        ShiftedClock.reset();
    }

    @Test
    void aCaseJoinsTheCityListOnceItsDeadlinePassesMostOverdueFirst() {
        LifecycleApiTest.Case c = LifecycleApiTest.submitted("社保卡页面打不开，一直转圈，查不到缴费记录");
        String leader = Tokens.supervisor("TAX_BUREAU"); // a supervisor of any department sees the whole city
        Map<String, Object> all = Map.of("perDepartment", 100);

        assertThat(ids(Api.post("/queue/overdue", leader, all).statusCode(200).extract().jsonPath())).doesNotContain(c.id());

        ShiftedClock.shift(Duration.ofDays(60));
        JsonPath overdue = Api.post("/queue/overdue", leader, all).statusCode(200).extract().jsonPath();
        assertThat(ids(overdue)).contains(c.id());
        List<Instant> due = overdue.getList("items.sla.nearestDueAt", String.class).stream().map(Instant::parse).toList();
        assertThat(due).isSorted().allSatisfy(at -> assertThat(at).isBefore(Instant.now().plus(Duration.ofDays(60))));
        assertThat(overdue.getList("items.triage.department", String.class)).contains(c.department());
    }

    @Test
    void itIsForLeadersAndBounded() {
        Api.post("/queue/overdue", Tokens.staff("TAX_BUREAU"), Map.of()).statusCode(403).contentType("application/problem+json");
        Api.post("/queue/overdue", Tokens.freshCitizen(), Map.of()).statusCode(403);
        Api.post("/queue/overdue", Tokens.supervisor("TAX_BUREAU"), Map.of("perDepartment", 101)).statusCode(422)
                .contentType("application/problem+json");
    }

    private static List<String> ids(JsonPath answer) {
        return answer.getList("items.id", String.class);
    }
}
