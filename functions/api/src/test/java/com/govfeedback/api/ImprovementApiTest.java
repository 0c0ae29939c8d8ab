package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.govfeedback.shared.Json;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The improvement loop through the API against the local store: from a cluster of feedback to the results wall, every
 * linked citizen told once per step and their cases resolved with the release note; the refusals; and release-aware
 * answers to new feedback sent from app versions below, at and above the fixed one.
 */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class ImprovementApiTest {
    private static final String OTHER_DEPARTMENT = "HOUSING_FUND_CENTER";

    /** A feedback as submitted: who sent it and how triage routed it. */
    private record Sent(String id, String citizen, JsonPath answer) {
        String department() {
            return answer.getString("triage.department");
        }

        String type() {
            return answer.getString("triage.type");
        }
    }

    private static Sent submit(String text, String screen, String appVersion) {
        String citizen = Tokens.freshCitizen();
        JsonPath answer = Api.post("/feedback/submit", citizen, Api.submission(text, screen, appVersion)).statusCode(200).extract().jsonPath();
        return new Sent(answer.getString("id"), citizen, answer);
    }

    private static String uniqueScreen() {
        return "/social-security/card/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> creation(String department, String type, String screen, Object... sources) {
        Map<String, Object> body = body("clientRequestId", "create-" + UUID.randomUUID(), "title", "电子社保卡页面闪退",
                "problem", "打开电子社保卡后闪退，联系电话13812345678", "screenPaths", List.of(screen), "appVersions", List.of("5.9.2"),
                "feedbackType", type, "leadDepartment", department);
        body.putAll(body(sources));
        return body;
    }

    private static JsonPath move(String token, JsonPath staffView, Object... fields) {
        Map<String, Object> body = body("id", staffView.getString("tracker.id"), "version", staffView.getLong("version"));
        body.putAll(body(fields));
        return Api.post("/improvement/move", token, body).statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> release(String appVersion) {
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("appVersion", appVersion);
        release.put("note", "已在 " + appVersion + " 版本修复电子社保卡闪退");
        release.put("stepsBefore", "打开电子社保卡 → 闪退");
        release.put("stepsAfter", "打开电子社保卡 → 正常显示二维码");
        release.put("mediaUrls", List.of("https://example.gov.cn/release/card-after.png"));
        return release;
    }

    private static JsonPath released(String token, JsonPath created, String appVersion) {
        JsonPath accepted = move(token, created, "to", "ACCEPTED", "target", appVersion, "publicNote", "已采纳，计划在 " + appVersion + " 解决");
        JsonPath developing = move(token, accepted, "to", "IN_DEVELOPMENT");
        JsonPath testing = move(token, developing, "to", "IN_TESTING");
        return move(token, testing, "to", "RELEASED", "release", release(appVersion));
    }

    private static List<JsonNode> noticesOf(String improvementId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LocalStoreResource.notifications, StandardCharsets.UTF_8)) {
            JsonNode json = Json.mapper().readTree(line);
            if (json.get("event").asText().equals("IMPROVEMENT_STATUS") && json.get("feedbackId").asText().equals(improvementId)) {
                lines.add(json);
            }
        }
        return lines;
    }

    private static String subjectOf(String token) {
        return JsonPath.from(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .getString("sub");
    }

    /** The lines the local sink received for one recipient and event. */
    static List<JsonNode> pushedTo(String recipientKey, String event) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LocalStoreResource.notifications, StandardCharsets.UTF_8)) {
            JsonNode json = Json.mapper().readTree(line);
            if (json.get("event").asText().equals(event) && json.get("recipient").asText().equals(recipientKey)) {
                lines.add(json);
            }
        }
        return lines;
    }

    @Test
    void aReleasedSuggestionCreditsAGoldenIdeaToWhoeverHadItFirstNamedOnlyWithConsentPaidAndToldOnce() throws IOException {
        String unique = "编号" + System.nanoTime() % 100000;
        String screen = uniqueScreen();
        Sent idea = submit("建议社保卡页面" + unique + "增加亲属代办功能，希望能帮父母在线办理", screen, "5.9.2");
        Sent later = submit("希望社保卡页面" + unique + "可以增加家属代办的功能，方便老人", screen, "5.9.2");
        assertThat(idea.type()).isEqualTo("FEATURE_REQUEST");
        String author = subjectOf(idea.citizen());
        Api.post("/participation/profile", idea.citizen(), body("name", "林晓", "regionCode", "440305", "namedOnCredits", true)).statusCode(200)
                .body("profile.namedOnCredits", equalTo(true));
        String supervisor = Tokens.supervisor(idea.department());
        JsonPath created = Api.post("/improvement/create", supervisor, creation(idea.department(), "FEATURE_REQUEST", screen, "feedbackIds",
                List.of(later.id(), idea.id()))).statusCode(200).extract().jsonPath();
        String id = created.getString("tracker.id");

        released(supervisor, created, "5.10.0");
        // the results wall names the consenting contributor; the 金点子 zone credits the first one, open without a token
        List<String> wallNames = Api.post("/improvement/results-wall", null, Map.of("limit", 50)).statusCode(200).extract().jsonPath()
                .getList("items.find { it.id == '" + id + "' }.namedContributors");
        assertThat(wallNames).containsExactly("林*");
        int year = java.time.Year.now(com.govfeedback.sla.CityZone.ZONE).getValue();
        JsonPath zone = Api.post("/participation/ideas/zone", null, Map.of("year", year)).statusCode(200).extract().jsonPath();
        assertThat(zone.getString("items.find { it.improvementId == '" + id + "' }.contributor")).isEqualTo("林*");
        assertThat(zone.getMap("items.find { it.improvementId == '" + id + "' }").toString()).doesNotContain(author);

        // paid once: the later reporter earns for the link only, not for the idea
        List<String> causes = Api.post("/participation/points/mine", idea.citizen(), Map.of()).statusCode(200).extract().path("entries.causeId");
        assertThat(causes).contains("idea:" + id, "feedback:" + idea.id() + ":improvement:" + id);
        List<String> laterCauses = Api.post("/participation/points/mine", later.citizen(), Map.of()).statusCode(200).extract().path("entries.causeId");
        assertThat(laterCauses).containsExactly("feedback:" + later.id() + ":improvement:" + id);

        // told in the app's list and pushed once through the notifier
        List<String> kinds = Api.post("/participation/notices/mine", idea.citizen(), Map.of()).statusCode(200).extract().path("items.kind");
        assertThat(kinds).contains("IDEA_ADOPTED", "POINTS_PAID");
        List<JsonNode> pushed = pushedTo("CITIZEN-" + author, "PARTICIPATION");
        assertThat(pushed).filteredOn(line -> line.get("title").asText().equals("参与动态：金点子已上线")).singleElement()
                .satisfies(line -> assertThat(line.get("body").asText()).contains("已被采纳并上线"));
        assertThat(pushed).extracting(line -> line.get("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aClusterBecomesAnImprovementThatWalksToTheResultsWallAndEveryCitizenIsToldOncePerStep() throws IOException {
        String unique = "编号" + System.nanoTime() % 100000;
        String text = "电子社保卡页面" + unique + "一打开就闪退，重装了好几次还是闪退，没法出示社保卡";
        String screen = uniqueScreen();
        Sent first = submit(text, screen, "5.9.2");
        Sent second = submit(text + "！", screen, "5.9.2");
        Sent third = submit(text + "。。", screen, "5.9.1");
        String cluster = first.answer().getString("similar.clusterId");
        assertThat(second.answer().getString("similar.clusterId")).isEqualTo(cluster);
        assertThat(third.answer().getString("similar.clusterId")).isEqualTo(cluster);
        String department = first.department();
        String supervisor = Tokens.supervisor(department);
        String staff = Tokens.staff(department);

        // proposing: not for citizens nor for another department; a retry answers the first improvement
        Map<String, Object> creation = creation(department, first.type(), screen, "clusterId", cluster);
        Api.post("/improvement/create", first.citizen(), creation).statusCode(403);
        Api.post("/improvement/create", Tokens.staff(OTHER_DEPARTMENT), creation).statusCode(403);
        JsonPath created = Api.post("/improvement/create", supervisor, creation).statusCode(200).extract().jsonPath();
        String id = created.getString("tracker.id");
        assertThat(Api.post("/improvement/create", supervisor, creation).statusCode(200).extract().jsonPath().getString("tracker.id"))
                .isEqualTo(id);
        assertThat(created.getLong("stats.linked")).isEqualTo(3);
        assertThat(created.getString("tracker.status")).isEqualTo("PENDING_REVIEW");
        assertThat(created.getString("tracker.problem")).doesNotContain("13812345678");

        // a feedback belongs to one improvement: a second link names the first
        Api.post("/improvement/create", supervisor, creation(department, first.type(), screen, "feedbackIds", List.of(second.id())))
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString(id));

        // linking a feedback that belongs to this one to another improvement names this one
        Sent unrelated = submit("公积金提取进度查询页面" + System.nanoTime() % 100000 + "的字体太小了，老人看不清楚", uniqueScreen(), "5.9.2");
        JsonPath another = Api.post("/improvement/create", staff, creation(department, unrelated.type(), uniqueScreen(), "feedbackIds",
                List.of(unrelated.id()))).statusCode(200).extract().jsonPath();
        Api.post("/improvement/link", staff, body("id", another.getString("tracker.id"), "feedbackIds", List.of(first.id())))
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString(id));
        Api.post("/improvement/link", Tokens.staff(OTHER_DEPARTMENT), body("id", id, "feedbackIds", List.of(unrelated.id()))).statusCode(403);

        // 我也需要: once per citizen, citizens only; another department's staff read the public view
        Api.post("/improvement/support", first.citizen(), body("id", id)).statusCode(200).body("supporters", equalTo(1));
        Api.post("/improvement/support", first.citizen(), body("id", id)).statusCode(200).body("supporters", equalTo(1));
        Api.post("/improvement/support", staff, body("id", id)).statusCode(403);
        JsonPath seenByOthers = Api.post("/improvement/get", Tokens.staff(OTHER_DEPARTMENT), body("id", id)).statusCode(200).extract().jsonPath();
        assertThat(seenByOthers.getString("title")).isEqualTo("电子社保卡页面闪退");
        assertThat(seenByOthers.getMap("$")).doesNotContainKeys("internalNote", "tracker", "leadDepartment");

        // the department's pool pages with an opaque cursor; a cursor the service did not issue is refused
        JsonPath firstPage = Api.post("/improvement/pool", staff, body("limit", 1)).statusCode(200).extract().jsonPath();
        assertThat(firstPage.getString("cursor")).isNotBlank();
        JsonPath nextPage = Api.post("/improvement/pool", staff, body("limit", 1, "cursor", firstPage.getString("cursor"))).statusCode(200)
                .extract().jsonPath();
        assertThat(nextPage.getList("items.tracker.id")).doesNotContainAnyElementsOf(firstPage.getList("items.tracker.id"));
        Api.post("/improvement/pool", staff, body("limit", 1, "cursor", "bm90LWEtY3Vyc29y")).statusCode(422).body("errors[0].field", equalTo("cursor"));

        // grading is for managers; the score shows its components
        long version = Api.post("/improvement/get", staff, body("id", id)).statusCode(200).extract().jsonPath().getLong("version");
        Api.post("/improvement/grade", staff, body("id", id, "urgency", 5, "effort", "S", "version", version)).statusCode(403);
        JsonPath graded = Api.post("/improvement/grade", supervisor, body("id", id, "urgency", 5, "effort", "S", "version", version))
                .statusCode(200).extract().jsonPath();
        assertThat(graded.getInt("urgencyGrade")).isEqualTo(5);
        assertThat(graded.getMap("priority.components")).containsKeys("linkedFeedback", "meToo", "supporters", "colour",
                "negativeSentiment", "badRatings");
        assertThat(Api.post("/improvement/pool", staff, Map.of()).statusCode(200).extract().jsonPath().getList("items.tracker.id"))
                .contains(id);
        Api.post("/improvement/pool", staff, body("department", OTHER_DEPARTMENT)).statusCode(403);

        // the tracker refuses a jump, naming the allowed moves; another department's supervisor may not move it
        Api.post("/improvement/move", supervisor, body("id", id, "to", "RELEASED", "version", graded.getLong("version")))
                .statusCode(409).body("allowed", hasItems("ACCEPTED", "DECLINED"));
        Api.post("/improvement/move", Tokens.supervisor(OTHER_DEPARTMENT), body("id", id, "to", "ACCEPTED", "version",
                graded.getLong("version"))).statusCode(403);
        JsonPath accepted = move(supervisor, graded, "to", "ACCEPTED", "target", "5.10.0", "publicNote", "已采纳，计划在 5.10.0 解决");
        JsonPath developing = move(supervisor, accepted, "to", "IN_DEVELOPMENT");
        JsonPath testing = move(supervisor, developing, "to", "IN_TESTING");
        Api.post("/improvement/move", supervisor, body("id", id, "to", "RELEASED", "version", testing.getLong("version")))
                .statusCode(422).body("errors[0].field", equalTo("release.appVersion"));
        JsonPath done = move(supervisor, testing, "to", "RELEASED", "release", release("5.10.0"));
        assertThat(done.getString("tracker.statusLabel")).isEqualTo("已上线");

        // every linked citizen: told once of each step, the case resolved with the release note, free to rate
        for (Sent sent : List.of(first, second, third)) {
            JsonPath mine = Api.post("/feedback/get", sent.citizen(), Map.of("id", sent.id())).statusCode(200).extract().jsonPath();
            assertThat(mine.getString("status")).isEqualTo("RESOLVED");
            assertThat(mine.getList("progress.history.publicNote", String.class))
                    .anyMatch(note -> note != null && note.contains("已在 5.10.0 版本修复电子社保卡闪退"));
            assertThat(mine.getString("improvement.id")).isEqualTo(id);
            assertThat(mine.getList("improvement.history.status")).containsExactly("PENDING_REVIEW", "ACCEPTED", "IN_DEVELOPMENT",
                    "IN_TESTING", "RELEASED");
            assertThat(mine.getString("improvement.internalNote")).isNull();
        }
        List<JsonNode> notices = noticesOf(id);
        for (Sent sent : List.of(first, second, third)) {
            assertThat(notices).filteredOn(n -> n.get("recipient").asText().equals("CITIZEN-" + subjectOf(sent.citizen()))).hasSize(4);
        }
        assertThat(notices).extracting(n -> n.get("id").asText()).doesNotHaveDuplicates();
        Api.post("/feedback/rate", first.citizen(), body("id", first.id(), "score", 5)).statusCode(200)
                .body("improvement.id", equalTo(id));
        Api.post("/feedback/mine", second.citizen(), Map.of()).statusCode(200).body("items[0].improvement.status", equalTo("RELEASED"));

        // public without a token: the results wall and the roadmap; no internal fields
        JsonPath wall = Api.post("/improvement/results-wall", null, Map.of("limit", 50)).statusCode(200).extract().jsonPath();
        assertThat(wall.getList("items.id")).contains(id);
        Map<String, Object> shown = wall.getMap("items.find { it.id == '" + id + "' }");
        assertThat(shown).containsEntry("linkedFeedback", 3).doesNotContainKeys("internalNote", "leadDepartment");
        assertThat(wall.getString("items.find { it.id == '" + id + "' }.release.stepsAfter")).isEqualTo("打开电子社保卡 → 正常显示二维码");
        assertThat(Api.post("/improvement/roadmap", null, Map.of("status", "RELEASED", "limit", 50)).statusCode(200).extract().jsonPath()
                .getList("items.id")).contains(id);
        Api.post("/improvement/lead-times", first.citizen(), Map.of()).statusCode(403);
        assertThat(Api.post("/improvement/lead-times", Tokens.office(), Map.of()).statusCode(200).extract().jsonPath()
                .getList("improvements.improvementId")).contains(id);
    }

    @Test
    void newFeedbackOfAFixedProblemIsAnsweredAtOnceBelowTheFixedVersionAndFlaggedForStaffAtOrAboveIt() {
        String screen = uniqueScreen();
        String text = "社保卡二维码页面" + System.nanoTime() % 100000 + "点开就白屏，刷新也没用";
        Sent original = submit(text, screen, "5.9.2");
        String supervisor = Tokens.supervisor(original.department());
        JsonPath created = Api.post("/improvement/create", supervisor,
                creation(original.department(), original.type(), screen, "feedbackIds", List.of(original.id()))).statusCode(200)
                .extract().jsonPath();
        String id = released(supervisor, created, "5.10.0").getString("tracker.id");

        for (String below : List.of("5.9.2", "5.10.0-beta")) {
            JsonPath answer = submit("又遇到了：" + text, screen, below).answer();
            assertThat(answer.getString("improvement.id")).as(below).isEqualTo(id);
            assertThat(answer.getList("progress.history.action", String.class)).as(below).contains("AUTOMATIC_REPLY");
            assertThat(answer.getList("progress.history.publicNote", String.class)).as(below)
                    .anyMatch(note -> note != null && note.contains("5.10.0") && note.contains("升级"));
        }
        for (String atOrAbove : List.of("5.10.0", "5.11.0-beta")) {
            Sent sent = submit("又遇到了：" + text, screen, atOrAbove);
            assertThat(sent.answer().getString("improvement")).as(atOrAbove).isNull();
            assertThat(sent.answer().getList("progress.history.action", String.class)).as(atOrAbove).doesNotContain("AUTOMATIC_REPLY");
            JsonPath forStaff = Api.post("/feedback/get", Tokens.staff(sent.department()), Map.of("id", sent.id())).statusCode(200)
                    .extract().jsonPath();
            assertThat(forStaff.getList("progress.history.action", String.class)).as(atOrAbove).contains("REGRESSION_NOTE");
            assertThat(forStaff.getList("progress.history.internalNote", String.class)).as(atOrAbove)
                    .anyMatch(note -> note != null && note.contains("5.10.0"));
        }
    }
}
