package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Role;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Participation over HTTP: points, redemption and its refusals, the 体验官 programme and beta tasks, the 贡献榜. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class ParticipationApiTest {
    private static final String ADMIN = LocalStoreResource.tokens.issue(Role.ADMIN, "operator-" + UUID.randomUUID(), null, Duration.ofMinutes(10));

    private static String newCitizen() {
        return "citizen-" + UUID.randomUUID();
    }

    private static void grant(String citizen, String cause, String rule) {
        Api.post("/participation/points/grant", ADMIN, Map.of("causeId", cause, "citizen", citizen, "rule", rule)).statusCode(200);
    }

    @Test
    void pointsArePaidOncePerCauseAndRedeemedWhileStockAndBalanceLast() {
        String citizen = newCitizen();
        String token = Tokens.citizen(citizen);
        Api.post("/participation/rewards/seed", ADMIN, Map.of()).statusCode(200);
        grant(citizen, "improvement:API1:released", "GOLDEN_IDEA_ADOPTED");
        grant(citizen, "improvement:API1:released", "GOLDEN_IDEA_ADOPTED");

        Api.post("/participation/points/mine", token, Map.of()).statusCode(200)
                .body("standing.balance", equalTo(200)).body("standing.stars", equalTo(2)).body("entries.size()", equalTo(1));

        Api.post("/participation/rewards/redeem", token, Map.of("requestId", "redeem-api-0001", "rewardId", "SERVICE_COUPON_10")).statusCode(200)
                .body("state", equalTo("POSTED")).body("voucher", startsWith("GV-"));
        Api.post("/participation/rewards/redeem", token, Map.of("requestId", "redeem-api-0002", "rewardId", "SERVICE_COUPON_50")).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-enough-points"));
        Api.post("/participation/rewards/redeem", token, Map.of("requestId", "redeem-api-0003", "rewardId", "NO_SUCH")).statusCode(404);
        Api.post("/participation/points/mine", token, Map.of()).statusCode(200).body("standing.balance", equalTo(100));

        List<String> kinds = Api.post("/participation/notices/mine", token, Map.of()).statusCode(200).extract().path("items.kind");
        assertThat(kinds).contains("POINTS_PAID", "POINTS_SPENT", "LEVEL_UP");
    }

    @Test
    void aGrantPastTheDailyCapIsRefusedWith429() {
        String citizen = newCitizen();
        for (int i = 0; i < 5; i++) {
            grant(citizen, "bug:CAP" + i, "BUG_CONFIRMED");
        }
        Api.post("/participation/points/grant", ADMIN, Map.of("causeId", "bug:CAP5", "citizen", citizen, "rule", "BUG_CONFIRMED")).statusCode(429)
                .contentType("application/problem+json").body("type", equalTo("/problems/daily-cap-reached"));
        Api.post("/participation/points/mine", Tokens.citizen(citizen), Map.of()).statusCode(200).body("standing.balance", equalTo(100));
    }

    @Test
    void anApprovedEvaluatorClaimsASlotFilesABetaResultAndIsPaidWhenStaffAcceptIt() {
        String evaluator = newCitizen();
        String other = newCitizen();
        String token = Tokens.citizen(evaluator);
        Map<String, Object> application = Map.of("ageBand", "30-44", "district", "440305", "device", "Xiaomi 14", "consent", true);
        Api.post("/participation/evaluators/apply", token, application).statusCode(200).body("state", equalTo("APPLIED"));
        Api.post("/participation/evaluators/apply", Tokens.citizen(other), application).statusCode(200);

        String taskId = Api.post("/participation/beta/post", ADMIN, Map.of("version", "5.4.0-beta.1", "steps", "打开医保电子凭证，出示二维码",
                "deadline", Instant.now().plus(Duration.ofDays(2)).toString(), "slots", 1)).statusCode(200).extract().path("id");
        Api.post("/participation/beta/claim", token, Map.of("taskId", taskId)).statusCode(403).body("type", equalTo("/problems/not-an-evaluator"));

        Api.post("/participation/evaluators/decide", ADMIN, Map.of("citizen", evaluator, "approve", true)).statusCode(200).body("state", equalTo("APPROVED"));
        Api.post("/participation/evaluators/decide", ADMIN, Map.of("citizen", other, "approve", true)).statusCode(200);
        Api.post("/participation/beta/claim", token, Map.of("taskId", taskId)).statusCode(200).body("claimed", equalTo(1));
        Api.post("/participation/beta/claim", Tokens.citizen(other), Map.of("taskId", taskId)).statusCode(409)
                .body("type", equalTo("/problems/task-full"));

        String feedbackId = Api.post("/participation/beta/submit", token, Map.of("taskId", taskId, "clientRequestId", "beta-" + UUID.randomUUID(),
                "text", "二维码页面打开后闪退")).statusCode(200).body("state", equalTo("SUBMITTED")).extract().path("feedbackId");
        Api.post("/feedback/get", token, Map.of("id", feedbackId)).statusCode(200).body("channel", equalTo("BETA"));

        Api.post("/participation/beta/review", Tokens.staff("HRSS_BUREAU"), Map.of("taskId", taskId, "citizen", evaluator, "accept", true))
                .statusCode(200).body("state", equalTo("ACCEPTED")).body("payment.state", equalTo("POSTED"));
        Api.post("/participation/points/mine", token, Map.of()).statusCode(200).body("standing.balance", equalTo(30));
    }

    @Test
    void theBoardShowsMaskedNamesAndLeavesOutCitizensWhoOptOut() {
        String shown = newCitizen();
        String hidden = newCitizen();
        Api.post("/participation/profile", Tokens.citizen(shown), Map.of("name", "陈小明", "regionCode", "510104")).statusCode(200)
                .body("profile.maskedName", equalTo("陈**"));
        Api.post("/participation/profile", Tokens.citizen(hidden), Map.of("name", "周杰", "regionCode", "510104", "optOut", true)).statusCode(200);
        grant(shown, "idea:BOARD1", "GOLDEN_IDEA_ADOPTED");
        grant(hidden, "idea:BOARD2", "GOLDEN_IDEA_ADOPTED");

        // the app's home page shows it before anybody signs in
        Api.post("/participation/leaderboard", null, Map.of("city", "5101", "period", "week")).statusCode(200)
                .body("rows.name", equalTo(List.of("陈**"))).body("itemsRead", notNullValue());
        Api.post("/participation/leaderboard", Tokens.freshCitizen(), Map.of("city", "5101", "period", "week")).statusCode(200)
                .body("rows.name", equalTo(List.of("陈**")));
        Api.post("/participation/leaderboard", null, Map.of("city", "5101", "period", "decade")).statusCode(422)
                .contentType("application/problem+json");
    }

    private static Map<String, Object> submitted(String token, String text) {
        return Api.post("/feedback/submit", token, Api.submission(text)).statusCode(200).extract().path("$");
    }

    @Test
    void leadStaffConfirmAFaultReportOnceAndOnlyAFaultReportThatStillStandsEarns() {
        String citizen = newCitizen();
        String token = Tokens.citizen(citizen);
        Map<String, Object> bug = submitted(token, "点击提交按钮" + System.nanoTime() % 100000 + "没有反应，页面一直报错，功能无法使用");
        Map<String, Object> triage = (Map<String, Object>) bug.get("triage");
        assertThat(triage.get("type")).isIn("MALFUNCTION", "OUTAGE");
        String department = (String) triage.get("department");
        String staff = Tokens.staff(department);
        Map<String, Object> confirm = Map.of("feedbackId", bug.get("id"));

        Api.post("/participation/bugs/confirm", token, confirm).statusCode(403).contentType("application/problem+json");
        Api.post("/participation/bugs/confirm", Tokens.staff(department.equals("HOUSING_FUND_CENTER") ? "TAX_BUREAU" : "HOUSING_FUND_CENTER"),
                confirm).statusCode(404);
        Api.post("/participation/bugs/confirm", staff, Map.of("feedbackId", "01JZZZZZZZZZZZZZZZZZZZZZZZ")).statusCode(404);
        Api.post("/participation/bugs/confirm", staff, confirm).statusCode(200).body("state", equalTo("POSTED")).body("points", equalTo(20));
        Api.post("/participation/bugs/confirm", Tokens.staff(department), confirm).statusCode(200).body("state", equalTo("POSTED"));
        Api.post("/participation/points/mine", token, Map.of()).statusCode(200).body("standing.balance", equalTo(20));
        List<String> kinds = Api.post("/participation/notices/mine", token, Map.of()).statusCode(200).extract().path("items.kind");
        assertThat(kinds.stream().filter("BUG_CONFIRMED"::equals)).hasSize(1);

        // not a fault report: 422; a rejected one earns nothing: 409
        Map<String, Object> question = submitted(token, "请问公积金" + System.nanoTime() % 100000 + "提取需要准备哪些材料？");
        Api.post("/participation/bugs/confirm", Tokens.staff((String) ((Map<String, Object>) question.get("triage")).get("department")),
                Map.of("feedbackId", question.get("id"))).statusCode(422).body("errors[0].field", equalTo("feedbackId"));
        Map<String, Object> rejected = submitted(Tokens.citizen(newCitizen()), "登录页面" + System.nanoTime() % 100000 + "点了没反应，报错闪退，无法使用");
        String rejectedDepartment = (String) ((Map<String, Object>) rejected.get("triage")).get("department");
        Api.post("/feedback/transition", Tokens.staff(rejectedDepartment), Map.of("id", rejected.get("id"), "to", "REJECTED", "version", 1,
                "publicNote", "经核实为操作问题，不予采纳")).statusCode(200);
        Api.post("/participation/bugs/confirm", Tokens.staff(rejectedDepartment), Map.of("feedbackId", rejected.get("id"))).statusCode(409)
                .contentType("application/problem+json");
    }
}
