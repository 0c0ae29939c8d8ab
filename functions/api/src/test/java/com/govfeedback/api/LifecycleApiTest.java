package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.feedback.Status;
import com.govfeedback.shared.Json;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A feedback walked through every state from the API, and every refusal of the lifecycle. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class LifecycleApiTest {
    private static final String TEXT = "社保卡页面打不开，一直转圈，查不到缴费记录";

    @AfterEach
    void realTime() {
        ShiftedClock.reset();
    }

    /** A submitted feedback with its citizen and the staff and supervisor of its lead department. */
    record Case(String id, String citizen, String department, String staff, String supervisor) {
        long version() {
            return Api.post("/feedback/get", supervisor, Map.of("id", id)).statusCode(200).extract().jsonPath().getLong("version");
        }
    }

    static Case submitted(String text) {
        String citizen = Tokens.freshCitizen();
        JsonPath view = Api.post("/feedback/submit", citizen, Api.submission(text)).statusCode(200).extract().jsonPath();
        String department = view.getString("triage.department");
        return new Case(view.getString("id"), citizen, department, Tokens.staff(department), Tokens.supervisor(department));
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    /** Calls an operation with the case's current version and returns the answer. */
    static JsonPath act(Case c, String path, String token, Object... pairs) {
        Map<String, Object> body = body(pairs);
        body.put("id", c.id());
        body.putIfAbsent("version", c.version());
        return Api.post(path, token, body).statusCode(200).extract().jsonPath();
    }

    static JsonPath move(Case c, String to, Object... extra) {
        List<Object> pairs = new ArrayList<>(List.of("to", to, "publicNote", "进入" + to, "internalNote", "内部：" + to));
        pairs.addAll(List.of(extra));
        JsonPath view = act(c, "/feedback/transition", c.staff(), pairs.toArray());
        assertThat(view.getString("status")).isEqualTo(to);
        assertThat(view.getString("statusName")).isEqualTo(Status.valueOf(to).chineseName());
        return view;
    }

    static List<JsonNode> notificationsOf(String feedbackId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LocalStoreResource.notifications, StandardCharsets.UTF_8)) {
            JsonNode json = Json.mapper().readTree(line);
            if (json.get("feedbackId").asText().equals(feedbackId)) {
                lines.add(json);
            }
        }
        return lines;
    }

    @Test
    void aFeedbackWalksThroughEveryStateAndTheCitizenIsToldOfEachStep() throws IOException {
        Case c = submitted(TEXT);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString();

        assertThat(act(c, "/feedback/acknowledge", c.staff(), "publicNote", "已受理您的反馈").getString("status")).isEqualTo("ACCEPTED");
        JsonPath assigned = act(c, "/feedback/assign", c.staff(), "owner", "wang.gong", "expectedBy", today);
        assertThat(assigned.getString("progress.assignee")).isEqualTo("wang.gong");
        assertThat(assigned.getString("progress.expectedBy")).isEqualTo(today);
        act(c, "/feedback/reply", c.staff(), "message", "请问您使用的是哪个版本？");
        assertThat(move(c, "AWAITING_CITIZEN").getString("sla.resolve.status")).isEqualTo("PAUSED");
        assertThat(move(c, "IN_PROGRESS").getString("sla.resolve.status")).isEqualTo("OPEN");
        move(c, "IN_DEVELOPMENT");
        move(c, "IN_TESTING");
        move(c, "RELEASED");
        assertThat(move(c, "RESOLVED").getString("sla.resolve.status")).isEqualTo("MET");

        JsonPath rated = Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", 2, "comment", "还是打不开")).statusCode(200)
                .extract().jsonPath();
        assertThat(rated.getBoolean("progress.rated")).isTrue();
        assertThat(rated.getString("progress.rating.scoreName")).isEqualTo("不满意");
        assertThat(rated.getString("progress.followUp.dueAt")).isNotNull();
        JsonPath appealed = Api.post("/feedback/appeal", c.citizen(), body("id", c.id(), "reason", "问题没有解决")).statusCode(200)
                .extract().jsonPath();
        assertThat(appealed.getString("sla.appeal.status")).isEqualTo("OPEN");

        JsonPath reopened = act(c, "/appeal/decide", c.supervisor(), "decision", "REOPEN", "note", "申诉成立，重新办理");
        assertThat(reopened.getString("status")).isEqualTo("REOPENED");
        assertThat(reopened.getString("sla.resolve.status")).isEqualTo("OPEN");
        assertThat(reopened.getString("progress.followUp.closedAt")).isNotNull();

        move(c, "IN_PROGRESS");
        String nextYear = (LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1) + "Q2";
        assertThat(move(c, "DEFERRED", "targetQuarter", nextYear).getString("progress.targetQuarter")).isEqualTo(nextYear);
        move(c, "IN_PROGRESS");
        move(c, "REJECTED");
        Api.post("/feedback/appeal", c.citizen(), body("id", c.id(), "reason", "不同意不予采纳")).statusCode(200);
        JsonPath closed = act(c, "/appeal/decide", c.supervisor(), "decision", "UPHOLD", "note", "维持原决定");
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("progress.appeal.decision")).isEqualTo("UPHOLD");

        // the citizen sees every public note, never an internal one or who acted; staff see both
        JsonPath citizenView = Api.post("/feedback/get", c.citizen(), Map.of("id", c.id())).statusCode(200).extract().jsonPath();
        List<String> visited = citizenView.getList("progress.history.to");
        assertThat(new LinkedHashSet<>(visited)).containsExactlyInAnyOrder("ACCEPTED", "AWAITING_CITIZEN", "IN_PROGRESS",
                "IN_DEVELOPMENT", "IN_TESTING", "RELEASED", "RESOLVED", "REOPENED", "DEFERRED", "REJECTED", "CLOSED");
        assertThat(citizenView.getList("progress.history.publicNote")).contains("进入IN_TESTING", "请问您使用的是哪个版本？");
        assertThat(citizenView.getList("progress.history.internalNote")).containsOnlyNulls();
        assertThat(citizenView.getList("progress.history.by")).containsOnlyNulls();
        JsonPath staffView = Api.post("/feedback/get", c.supervisor(), Map.of("id", c.id())).statusCode(200).extract().jsonPath();
        assertThat(staffView.getList("progress.history.internalNote")).contains("内部：IN_TESTING");

        // the in-process notifier wrote each step once to the notification file
        List<JsonNode> sent = notificationsOf(c.id());
        List<String> ids = sent.stream().map(n -> n.get("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        List<String> citizenTitles = sent.stream().filter(n -> n.get("recipient").asText().startsWith("CITIZEN-"))
                .map(n -> n.get("title").asText()).toList();
        for (String status : List.of("已受理", "待补充", "处理中", "开发中", "测试中", "已上线", "已办结", "纳入长期规划", "不予采纳")) {
            assertThat(citizenTitles).as("citizen told of " + status).anyMatch(t -> t.endsWith("状态更新：" + status));
        }
        assertThat(sent).extracting(n -> n.get("event").asText()).contains("REPLIED", "ASSIGNED", "FOLLOW_UP_OPENED", "APPEAL_OPENED",
                "APPEAL_DECIDED");
        assertThat(sent).filteredOn(n -> n.get("event").asText().equals("ASSIGNED")).extracting(n -> n.get("recipient").asText())
                .containsExactlyInAnyOrder("CITIZEN-" + decodeSubject(c.citizen()), "ASSIGNEE-wang.gong");
        assertThat(sent).allMatch(n -> n.get("channel").asText().equals("local-file") && !n.get("body").asText().contains("{"));
    }

    /** The subject of a test token (its payload is plain base64url JSON). */
    private static String decodeSubject(String token) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return Json.mapper().readTree(payload).get("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mergingMovesTheDuplicatesCitizenAndMeTooCountOnceEvenWhenRepeated() throws IOException {
        Case original = submitted(TEXT);
        Case duplicate = submitted(TEXT + "！");
        String staff = Tokens.supervisor(original.department());
        long version = duplicate.version();
        JsonPath merged = Api.post("/feedback/merge", staff, body("id", duplicate.id(), "into", original.id(), "version", version))
                .statusCode(200).extract().jsonPath();
        assertThat(merged.getString("id")).isEqualTo(original.id());
        assertThat(merged.getInt("progress.meTooCount")).isEqualTo(1);
        assertThat(merged.getInt("progress.followerCount")).isEqualTo(1);
        // repeating the call (a client retry, or completing an interrupted merge) counts nothing twice
        Api.post("/feedback/merge", staff, body("id", duplicate.id(), "into", original.id(), "version", version)).statusCode(200)
                .body("progress.meTooCount", equalTo(1));
        Api.post("/feedback/get", duplicate.citizen(), Map.of("id", duplicate.id())).statusCode(200)
                .body("status", equalTo("MERGED")).body("statusName", equalTo("已合并"))
                .body("progress.mergedInto", equalTo(original.id()))
                .body("sla.resolve.status", equalTo("MET"));
        // the duplicate's citizen now follows the original and hears of its next step
        act(original, "/feedback/transition", staff, "to", "ACCEPTED", "publicNote", "已受理");
        assertThat(notificationsOf(original.id())).extracting(n -> n.get("recipient").asText())
                .contains("CITIZEN-" + decodeSubject(duplicate.citizen()));
        // a duplicate already merged cannot be merged elsewhere; a feedback cannot absorb itself
        Case third = submitted(TEXT);
        Api.post("/feedback/merge", staff, body("id", duplicate.id(), "into", third.id(), "version", version)).statusCode(409);
        Api.post("/feedback/merge", staff, body("id", third.id(), "into", third.id(), "version", 1)).statusCode(422);
    }

    @Test
    void aTransitionTheStateMachineDoesNotAllowIs409ListingTheAllowedOnes() {
        Case c = submitted(TEXT);
        Api.post("/feedback/transition", c.staff(), body("id", c.id(), "to", "RESOLVED", "publicNote", "x", "version", 1))
                .statusCode(409).contentType("application/problem+json")
                .body("allowed", containsInAnyOrder("ACCEPTED", "AWAITING_CITIZEN", "REJECTED"))
                .body("detail", org.hamcrest.Matchers.containsString("SUBMITTED"));
    }

    @Test
    void aStaleVersionIs409AndChangesNothing() {
        Case c = submitted(TEXT);
        act(c, "/feedback/reply", c.staff(), "message", "收到");
        Api.post("/feedback/transition", c.staff(), body("id", c.id(), "to", "ACCEPTED", "publicNote", "x", "version", 1))
                .statusCode(409).body("title", equalTo("Conflict"));
        Api.post("/feedback/get", c.staff(), Map.of("id", c.id())).body("status", equalTo("SUBMITTED")).body("version", equalTo(2));
    }

    @Test
    void wrongRolesAre403() {
        Case c = submitted(TEXT);
        Api.post("/feedback/transition", c.citizen(), body("id", c.id(), "to", "ACCEPTED", "publicNote", "x", "version", 1)).statusCode(403);
        Api.post("/feedback/acknowledge", c.citizen(), body("id", c.id(), "version", 1)).statusCode(403);
        Api.post("/feedback/rate", c.staff(), body("id", c.id(), "score", 5)).statusCode(403);
        Api.post("/feedback/appeal", c.staff(), body("id", c.id(), "reason", "x")).statusCode(403);
        Api.post("/appeal/decide", c.staff(), body("id", c.id(), "decision", "UPHOLD", "note", "x", "version", 1)).statusCode(403);
        Api.post("/queue/list", c.citizen(), Map.of()).statusCode(403);
        Api.post("/queue/list", c.staff(), Map.of("review", true)).statusCode(403);
        Api.post("/queue/list", c.staff(), Map.of("department", "SOME_OTHER_BUREAU")).statusCode(403);
    }

    @Test
    void staffOfAnotherDepartmentSeeNothing404() {
        Case c = submitted(TEXT);
        String other = c.department().equals("TAX_BUREAU") ? "EDUCATION_BUREAU" : "TAX_BUREAU";
        Api.post("/feedback/acknowledge", Tokens.staff(other), body("id", c.id(), "version", 1)).statusCode(404)
                .contentType("application/problem+json");
        Api.post("/feedback/reply", Tokens.staff(other), body("id", c.id(), "message", "x", "version", 1)).statusCode(404);
        Api.post("/feedback/rate", Tokens.freshCitizen(), body("id", c.id(), "score", 5)).statusCode(404);
    }

    @Test
    void ratingIsOnlyForAResolvedFeedbackWithinSevenDays() {
        Case c = resolved();
        Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", 6)).statusCode(422).body("errors.field", hasItems("score"));
        ShiftedClock.shift(Duration.ofDays(7).plusMinutes(1));
        Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", 5)).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("rating window closed"));
        ShiftedClock.reset();
        Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", 5)).statusCode(200)
                .body("progress.rated", equalTo(true)).body("progress.followUp", nullValue());
        Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", 4)).statusCode(409);
        // closing early does not take the rating away from the citizen
        Case closedEarly = resolved();
        move(closedEarly, "CLOSED");
        Api.post("/feedback/rate", closedEarly.citizen(), body("id", closedEarly.id(), "score", 1)).statusCode(200)
                .body("progress.followUp.dueAt", org.hamcrest.Matchers.notNullValue());
        Case open = submitted(TEXT);
        Api.post("/feedback/rate", open.citizen(), body("id", open.id(), "score", 5)).statusCode(409);
        Api.post("/feedback/get", open.citizen(), Map.of("id", open.id())).body("progress.rated", equalTo(false));
    }

    @Test
    void appealsAreOnlyForADecidedFeedbackWithinFifteenDaysAndOncePerRound() {
        Case c = resolved();
        ShiftedClock.shift(Duration.ofDays(15).plusMinutes(1));
        Api.post("/feedback/appeal", c.citizen(), body("id", c.id(), "reason", "没解决")).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("appeal window closed"));
        ShiftedClock.reset();
        Api.post("/feedback/appeal", c.citizen(), body("id", c.id(), "reason", " ")).statusCode(422);
        Api.post("/appeal/decide", c.supervisor(), body("id", c.id(), "decision", "UPHOLD", "note", "x", "version", c.version()))
                .statusCode(409);
        Api.post("/feedback/appeal", c.citizen(), body("id", c.id(), "reason", "没解决")).statusCode(200);
        Api.post("/feedback/appeal", c.citizen(), body("id", c.id(), "reason", "再次申诉")).statusCode(409);
        Api.post("/appeal/decide", c.supervisor(), body("id", c.id(), "decision", "MAYBE", "note", "x", "version", c.version()))
                .statusCode(422).body("errors.field", hasItems("decision"));
        Case open = submitted(TEXT);
        Api.post("/feedback/appeal", open.citizen(), body("id", open.id(), "reason", "x")).statusCode(409);
    }

    @Test
    void missingReasonsAndTargetsAre422() {
        Case c = submitted(TEXT);
        Api.post("/feedback/transition", c.staff(), body("id", c.id(), "to", "REJECTED", "version", 1)).statusCode(422)
                .body("errors.field", hasItems("publicNote"));
        act(c, "/feedback/acknowledge", c.staff());
        Api.post("/feedback/transition", c.staff(), body("id", c.id(), "to", "DEFERRED", "publicNote", "x", "version", 2)).statusCode(422)
                .body("errors.field", hasItems("targetQuarter"));
        for (String quarter : List.of("2020Q1", "9999Q4")) {
            Api.post("/feedback/transition", c.staff(), body("id", c.id(), "to", "DEFERRED", "publicNote", "x", "targetQuarter", quarter,
                    "version", 2)).statusCode(422).body("errors.field", hasItems("targetQuarter"));
        }
        Api.post("/feedback/transition", c.staff(), body("id", c.id(), "to", "NOWHERE", "publicNote", "x", "version", 2)).statusCode(422);
        Api.post("/feedback/transition", c.staff(), body("id", c.id(), "to", "IN_PROGRESS", "publicNote", "x")).statusCode(422)
                .body("errors.field", hasItems("version"));
        Api.post("/feedback/transfer", c.staff(), body("id", c.id(), "department", "TAX_BUREAU", "version", 2)).statusCode(422);
        Api.post("/feedback/transfer", c.staff(), body("id", c.id(), "department", "NO_SUCH_BUREAU", "reason", "x", "version", 2))
                .statusCode(422).body("errors.field", hasItems("department"));
        Api.post("/feedback/assign", c.staff(), body("id", c.id(), "owner", "w", "expectedBy", "2020-01-01", "version", 2)).statusCode(422);
    }

    @Test
    void aTransferMovesTheQueueKeepsTheDeadlinesAndTheOldDepartmentLosesSight() {
        Case c = submitted(TEXT);
        String target = c.department().equals("TAX_BUREAU") ? "EDUCATION_BUREAU" : "TAX_BUREAU";
        JsonPath before = Api.post("/feedback/get", c.staff(), Map.of("id", c.id())).extract().jsonPath();
        JsonPath after = act(c, "/feedback/transfer", c.staff(), "department", target, "reason", "属于税务业务");
        assertThat(after.getString("triage.department")).isEqualTo(target);
        assertThat(after.getString("sla.resolve.dueAt")).isEqualTo(before.getString("sla.resolve.dueAt"));
        assertThat(after.getString("sla.acknowledge.dueAt")).isEqualTo(before.getString("sla.acknowledge.dueAt"));
        Api.post("/feedback/get", c.staff(), Map.of("id", c.id())).statusCode(404);
        assertThat(queueIds(Tokens.staff(target), Map.of())).contains(c.id());
        assertThat(queueIds(c.supervisor(), Map.of("department", c.department()))).doesNotContain(c.id());
    }

    @Test
    void theQueueIsSortedByNearestDeadlineFilteredAndPaged() {
        Case a = submitted(TEXT);
        Case b = submitted(TEXT + "，急");
        act(b, "/feedback/acknowledge", b.staff());
        List<String> all = queueIds(a.staff(), Map.of("limit", 3));
        assertThat(all).contains(a.id());
        List<String> accepted = queueIds(a.supervisor(), Map.of("department", a.department(), "status", "ACCEPTED"));
        if (a.department().equals(b.department())) {
            assertThat(accepted).contains(b.id()).doesNotContain(a.id());
        }
        JsonPath page = Api.post("/queue/list", a.staff(), Map.of("limit", 50)).statusCode(200).extract().jsonPath();
        List<String> due = page.getList("items.sla.nearestDueAt");
        List<String> dated = due.stream().filter(d -> d != null).toList();
        assertThat(dated).isSorted();
        Api.post("/queue/list", a.staff(), Map.of("colour", "PURPLE")).statusCode(422);
        Api.post("/queue/list", a.staff(), Map.of("cursor", "bm90LW91cnM")).statusCode(422);
        Api.post("/queue/list", a.supervisor(), Map.of()).statusCode(422).body("errors.field", hasItems("department"));
    }

    @Test
    void theManualTriageQueueHoldsUnreviewedFeedbackUntilASupervisorConfirmsIt() {
        Case c = null;
        for (String text : List.of("嗯", "这个那个", "有点问题", "不太好用吧", "你好")) {
            Case candidate = submitted(text);
            if (Api.post("/feedback/get", candidate.supervisor(), Map.of("id", candidate.id())).extract().jsonPath()
                    .getBoolean("triage.needsReview")) {
                c = candidate;
                break;
            }
        }
        assertThat(c).as("a vague text goes to the manual triage queue").isNotNull();
        String sup = c.supervisor();
        assertThat(queueIds(sup, Map.of("review", true))).contains(c.id());
        assertThat(queueIds(sup, Map.of("department", c.department()))).doesNotContain(c.id());
        Api.post("/triage/review", c.staff(), body("id", c.id(), "colour", "RED", "version", 1)).statusCode(403);
        JsonPath reviewed = act(c, "/triage/review", sup, "colour", "RED", "note", "影响办事");
        assertThat(reviewed.getBoolean("triage.needsReview")).isFalse();
        assertThat(reviewed.getString("sla.colour")).isEqualTo("RED");
        assertThat(queueIds(sup, Map.of("review", true))).doesNotContain(c.id());
        assertThat(queueIds(sup, Map.of("department", c.department()))).contains(c.id());
        // raising urgency is open to staff; lowering it needs a supervisor
        Api.post("/triage/review", c.staff(), body("id", c.id(), "colour", "BLUE", "version", c.version())).statusCode(403);
    }

    /** Every id in a queue, following the cursors. */
    static List<String> queueIds(String token, Map<String, Object> filter) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new LinkedHashSet<>();
        String cursor = null;
        do {
            Map<String, Object> request = new HashMap<>(filter);
            if (cursor != null) {
                request.put("cursor", cursor);
            }
            JsonPath page = Api.post("/queue/list", token, request).statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            assertThat(cursor == null || cursors.add(cursor)).as("a cursor never repeats").isTrue();
        } while (cursor != null);
        return ids;
    }

    private static Case resolved() {
        Case c = submitted(TEXT);
        act(c, "/feedback/acknowledge", c.staff());
        move(c, "IN_PROGRESS");
        move(c, "RESOLVED");
        return c;
    }
}
