package com.govfeedback.api;

import static com.govfeedback.api.LifecycleApiTest.act;
import static com.govfeedback.api.LifecycleApiTest.body;
import static com.govfeedback.api.LifecycleApiTest.move;
import static com.govfeedback.api.LifecycleApiTest.notificationsOf;
import static com.govfeedback.api.LifecycleApiTest.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.api.LifecycleApiTest.Case;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The citizen's side of a case beyond rating and appealing: withdraw, answer a request for more information, find by tracking number; and the 回访 call staff record. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class CitizenSideApiTest {
    private static final String TEXT = "公积金提取页面一直转圈，提交不了申请";

    @Test
    void aCitizenWithdrawsUnacknowledgedFeedbackOnceAndItLeavesTheQueue() throws IOException {
        Case c = submitted(TEXT + System.nanoTime() % 10000);
        Api.post("/feedback/withdraw", c.staff(), body("id", c.id())).statusCode(403).contentType("application/problem+json");
        Api.post("/feedback/withdraw", Tokens.freshCitizen(), body("id", c.id())).statusCode(404);

        JsonPath withdrawn = Api.post("/feedback/withdraw", c.citizen(), body("id", c.id(), "reason", "已自行解决，联系电话13812345678"))
                .statusCode(200).extract().jsonPath();
        assertThat(withdrawn.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.getString("statusName")).isEqualTo("已撤回");
        assertThat(withdrawn.getString("sla.acknowledge.status")).isNotEqualTo("OPEN");
        assertThat(withdrawn.getList("progress.history.publicNote").toString()).contains("群众撤回").doesNotContain("13812345678");
        // a retry after a lost answer answers the same, and nothing is written twice
        Api.post("/feedback/withdraw", c.citizen(), body("id", c.id())).statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("version", equalTo(withdrawn.getInt("version")));

        List<String> queue = Api.post("/queue/list", c.staff(), Map.of("limit", 100)).statusCode(200).extract().path("items.id");
        assertThat(queue).doesNotContain(c.id());
        List<JsonNode> told = notificationsOf(c.id());
        assertThat(told).filteredOn(n -> n.get("event").asText().equals("WITHDRAWN")).singleElement()
                .satisfies(n -> assertThat(n.get("recipient").asText()).isEqualTo("DEPARTMENT-" + c.department()));
        Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", 5)).statusCode(409);

        Case acknowledged = submitted(TEXT + System.nanoTime() % 10000);
        act(acknowledged, "/feedback/acknowledge", acknowledged.staff(), "publicNote", "已受理");
        Api.post("/feedback/withdraw", acknowledged.citizen(), body("id", acknowledged.id())).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aSupplementAnswersTheRequestForInformationResumesTheClockAndTellsTheDepartment() throws IOException {
        Case c = submitted(TEXT + System.nanoTime() % 10000);
        Api.post("/feedback/supplement", c.citizen(), body("id", c.id(), "text", "补充截图")).statusCode(409);
        act(c, "/feedback/acknowledge", c.staff(), "publicNote", "已受理");
        move(c, "IN_PROGRESS");
        assertThat(move(c, "AWAITING_CITIZEN").getString("sla.resolve.status")).isEqualTo("PAUSED");

        Api.post("/feedback/supplement", c.citizen(), body("id", c.id())).statusCode(422).body("errors[0].field", equalTo("text"));
        Api.post("/feedback/supplement", Tokens.freshCitizen(), body("id", c.id(), "text", "补充")).statusCode(404);
        JsonPath answered = Api.post("/feedback/supplement", c.citizen(), body("id", c.id(), "text", "使用的是5.9.2版本，身份证号110101199003077777"))
                .statusCode(200).extract().jsonPath();
        assertThat(answered.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(answered.getString("sla.resolve.status")).isEqualTo("OPEN");
        assertThat(answered.getList("progress.history.publicNote").toString()).contains("群众补充材料").doesNotContain("110101199003077777");
        Api.post("/feedback/supplement", c.citizen(), body("id", c.id(), "text", "使用的是5.9.2版本，身份证号110101199003077777")).statusCode(200)
                .body("version", equalTo(answered.getInt("version")));

        assertThat(notificationsOf(c.id())).filteredOn(n -> n.get("event").asText().equals("SUPPLEMENTED")).singleElement()
                .satisfies(n -> assertThat(n.get("body").asText()).contains("5.9.2").doesNotContain("110101199003077777"));
    }

    @Test
    void aCitizenFindsTheirOwnFeedbackByTrackingNumberAndNobodyElses() {
        Case c = submitted(TEXT + System.nanoTime() % 10000);
        String trackingNo = Api.post("/feedback/get", c.citizen(), body("id", c.id())).statusCode(200).extract().path("trackingNo");

        Api.post("/feedback/track", c.citizen(), body("trackingNo", trackingNo)).statusCode(200).body("id", equalTo(c.id()));
        Api.post("/feedback/track", c.citizen(), body("trackingNo", " " + trackingNo.toLowerCase() + " ")).statusCode(200).body("id", equalTo(c.id()));
        Api.post("/feedback/track", Tokens.freshCitizen(), body("trackingNo", trackingNo)).statusCode(404).contentType("application/problem+json");
        Api.post("/feedback/track", c.citizen(), body("trackingNo", "991399-AAAA-BBBB")).statusCode(422).body("errors[0].field", equalTo("trackingNo"));
        Api.post("/feedback/track", c.citizen(), body("trackingNo", "not a number")).statusCode(422);
        Api.post("/feedback/track", c.staff(), body("trackingNo", trackingNo)).statusCode(403);
    }

    @Test
    void followUpCallsCloseOnReachingTheCitizenAndUnansweredOnesAreRetriedThenGivenUp() {
        Case unreachable = rated(1);
        Instant firstDue = Instant.parse(Api.post("/feedback/get", unreachable.staff(), body("id", unreachable.id())).statusCode(200).extract()
                .path("progress.followUp.dueAt"));
        Api.post("/feedback/follow-up", unreachable.citizen(), body("id", unreachable.id(), "reached", false, "version", unreachable.version()))
                .statusCode(403);
        Api.post("/feedback/follow-up", unreachable.staff(), body("id", unreachable.id(), "version", unreachable.version())).statusCode(422)
                .body("errors[0].field", equalTo("reached"));
        JsonPath retry = act(unreachable, "/feedback/follow-up", unreachable.staff(), "reached", false, "note", "电话无人接听");
        assertThat(retry.getInt("progress.followUp.unansweredCalls")).isEqualTo(1);
        assertThat(retry.getString("progress.followUp.closedAt")).isNull();
        assertThat(Instant.parse(retry.getString("progress.followUp.dueAt"))).isNotEqualTo(firstDue);
        act(unreachable, "/feedback/follow-up", unreachable.staff(), "reached", false);
        JsonPath gaveUp = act(unreachable, "/feedback/follow-up", unreachable.staff(), "reached", false);
        assertThat(gaveUp.getString("progress.followUp.outcome")).isEqualTo("UNREACHABLE");
        assertThat(gaveUp.getString("progress.followUp.closedAt")).isNotNull();
        Api.post("/feedback/follow-up", unreachable.staff(), body("id", unreachable.id(), "reached", true, "satisfied", true, "version",
                unreachable.version())).statusCode(409);
        // the call log is staff's: the citizen sees no internal note of it
        assertThat(Api.post("/feedback/get", unreachable.citizen(), body("id", unreachable.id())).statusCode(200).extract().jsonPath()
                .getList("progress.history.internalNote")).containsOnlyNulls();

        Case reached = rated(2);
        Api.post("/feedback/follow-up", reached.staff(), body("id", reached.id(), "reached", true, "version", reached.version())).statusCode(422)
                .body("errors[0].field", equalTo("satisfied"));
        JsonPath done = act(reached, "/feedback/follow-up", reached.staff(), "reached", true, "satisfied", false, "note", "群众希望尽快修复");
        assertThat(done.getString("progress.followUp.outcome")).isEqualTo("UNSATISFIED");
        assertThat(done.getString("progress.followUp.closedAt")).isNotNull();
    }

    /** A feedback resolved and rated {@code score} by its citizen: a bad score opens a follow-up. */
    private static Case rated(int score) {
        Case c = submitted(TEXT + System.nanoTime() % 10000);
        act(c, "/feedback/acknowledge", c.staff(), "publicNote", "已受理");
        move(c, "IN_PROGRESS");
        move(c, "RESOLVED");
        Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", score)).statusCode(200);
        return c;
    }
}
