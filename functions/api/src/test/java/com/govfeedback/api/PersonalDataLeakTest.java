package com.govfeedback.api;

import static com.govfeedback.api.LifecycleApiTest.act;
import static com.govfeedback.api.LifecycleApiTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.api.LifecycleApiTest.Case;
import com.govfeedback.auth.Role;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.triage.text.PersonalDataMasker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Personal data in every free-text field of every operation that stores text (submission with its context, the case's
 * notes, replies, reasons, rating and appeal, the review, the merge, improvements and their release, participation), then
 * a search for each raw value in every stored item (a Scan of the table: feedback, outbox entries, improvement notices,
 * participation items), the local notification sink and the log: none may hold one.
 */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class PersonalDataLeakTest {
    private static final String TEXT = "社保卡页面打不开，一直转圈，查不到缴费记录";
    private static final String OTHER_DEPARTMENT = "TAX_BUREAU";
    private static final String ADMIN = LocalStoreResource.tokens.issue(Role.ADMIN, "leak-admin-" + UUID.randomUUID(), null,
            Duration.ofMinutes(10));

    private final Random random = new Random();
    /** Every raw value sent, as written and as its bare digits or address. */
    private final List<String> raw = new ArrayList<>();
    /** How each sent mobile is stored (138****5678): the proof that the fields were stored at all. */
    private final List<String> maskedMobiles = new ArrayList<>();

    @Test
    void personalDataSentInEveryFreeTextFieldIsStoredNotifiedAndLoggedOnlyMasked() throws IOException {
        try (LogCapture log = new LogCapture()) {
            Case worked = workACaseThroughEveryNote();
            improvementFromFirstReportToRelease();
            participation();
            Api.post("/triage/classify", worked.citizen(), Map.of("text", personal())).statusCode(200);

            String store = everyStoredItem();
            String sink = Files.readString(LocalStoreResource.notifications, StandardCharsets.UTF_8);
            assertThat(store).as("the fields were stored, masked").contains(maskedMobiles.subList(0, 10));
            assertThat(maskedMobiles).as("the notes were notified, masked").anyMatch(sink::contains);
            for (String value : raw) {
                assertThat(store).as("the store holds %s", value).doesNotContain(value);
                assertThat(sink).as("the notification sink holds %s", value).doesNotContain(value);
                assertThat(log.lines()).as("the log holds %s", value).noneMatch(line -> line.contains(value));
            }
        }
    }

    /** Submission with context, review, acknowledge, assign, moves, reply, transfer, merge, rating, appeal and its decision. */
    private Case workACaseThroughEveryNote() {
        Case c = submitted();
        Case duplicate = submitted();
        act(c, "/triage/review", c.supervisor(), "note", personal());
        act(c, "/feedback/acknowledge", c.staff(), "publicNote", personal());
        act(duplicate, "/feedback/merge", c.supervisor(), "into", c.id(), "publicNote", personal(), "internalNote", personal());
        act(c, "/feedback/assign", c.staff(), "owner", "wang", "expectedBy", LocalDate.now().plusDays(7).toString(), "publicNote", personal());
        act(c, "/feedback/transition", c.staff(), "to", "IN_PROGRESS", "publicNote", personal(), "internalNote", personal());
        act(c, "/feedback/reply", c.staff(), "message", personal(), "internalNote", personal());
        String target = c.department().equals(OTHER_DEPARTMENT) ? "EDUCATION_BUREAU" : OTHER_DEPARTMENT;
        act(c, "/feedback/transfer", c.staff(), "department", target, "reason", personal(), "internalNote", personal());
        Case moved = new Case(c.id(), c.citizen(), target, Tokens.staff(target), Tokens.supervisor(target));
        act(moved, "/feedback/transition", moved.staff(), "to", "RESOLVED", "publicNote", personal(), "internalNote", personal());
        Api.post("/feedback/rate", c.citizen(), body("id", c.id(), "score", 2, "comment", personal())).statusCode(200);
        Api.post("/feedback/appeal", c.citizen(), body("id", c.id(), "reason", personal())).statusCode(200);
        act(moved, "/appeal/decide", moved.supervisor(), "decision", "UPHOLD", "note", personal());
        return moved;
    }

    private Case submitted() {
        String citizen = Tokens.freshCitizen();
        Map<String, Object> submission = Api.submission(TEXT + "，" + personal());
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) submission.get("context");
        for (String field : List.of("screenPath", "deviceModel", "os", "osVersion", "appVersion", "networkType")) {
            context.put(field, personal());
        }
        JsonPath view = Api.post("/feedback/submit", citizen, submission).statusCode(200).extract().jsonPath();
        String department = view.getString("triage.department");
        return new Case(view.getString("id"), citizen, department, Tokens.staff(department), Tokens.supervisor(department));
    }

    /** Created from a report, updated, accepted, developed, tested and released; a second one declined. */
    private void improvementFromFirstReportToRelease() {
        Case report = submitted();
        String supervisor = report.supervisor();
        JsonPath view = Api.post("/improvement/create", supervisor, body("clientRequestId", "leak-" + UUID.randomUUID(), "title", personal(),
                "problem", personal(), "feedbackIds", List.of(report.id()), "screenPaths", List.of("/card/" + personal()),
                "leadDepartment", report.department(), "internalNote", personal())).statusCode(200).extract().jsonPath();
        view = improvement(supervisor, "/improvement/update", view, "title", personal(), "problem", personal(), "internalNote", personal());
        view = improvement(supervisor, "/improvement/move", view, "to", "ACCEPTED", "target", "5.10.0 " + personal(), "publicNote", personal());
        view = improvement(supervisor, "/improvement/move", view, "to", "IN_DEVELOPMENT", "publicNote", personal());
        view = improvement(supervisor, "/improvement/move", view, "to", "IN_TESTING", "publicNote", personal());
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("appVersion", "5.10.0");
        release.put("note", personal());
        release.put("stepsBefore", personal());
        release.put("stepsAfter", personal());
        release.put("mediaUrls", List.of("https://example.gov.cn/after/" + personal()));
        improvement(supervisor, "/improvement/move", view, "to", "RELEASED", "publicNote", personal(), "release", release);

        Case other = submitted();
        JsonPath declined = Api.post("/improvement/create", other.supervisor(), body("clientRequestId", "leak-" + UUID.randomUUID(), "title",
                personal(), "feedbackIds", List.of(other.id()), "leadDepartment", other.department())).statusCode(200).extract().jsonPath();
        improvement(other.supervisor(), "/improvement/move", declined, "to", "DECLINED", "declineReason", personal());
    }

    private static JsonPath improvement(String token, String path, JsonPath current, Object... fields) {
        Map<String, Object> request = body(fields);
        request.put("id", current.getString("tracker.id"));
        request.put("version", current.getLong("version"));
        return Api.post(path, token, request).statusCode(200).extract().jsonPath();
    }

    /** Profile name, 体验官 applications and their decisions, a beta task's steps and an evaluator's result. */
    private void participation() {
        String evaluator = "leak-evaluator-" + UUID.randomUUID();
        String rejected = "leak-rejected-" + UUID.randomUUID();
        Api.post("/participation/profile", Tokens.citizen(evaluator), Map.of("name", "张" + mobile(), "regionCode", "440305"))
                .statusCode(200);
        for (String citizen : List.of(evaluator, rejected)) {
            Api.post("/participation/evaluators/apply", Tokens.citizen(citizen), Map.of("ageBand", "30-44", "district", "440305",
                    "device", personal(), "consent", true)).statusCode(200);
        }
        Api.post("/participation/evaluators/decide", ADMIN, Map.of("citizen", rejected, "approve", false, "reason", personal())).statusCode(200);
        Api.post("/participation/evaluators/decide", ADMIN, Map.of("citizen", evaluator, "approve", true)).statusCode(200);
        String taskId = Api.post("/participation/beta/post", ADMIN, Map.of("version", "5.4.0-beta.1", "steps", personal(), "deadline",
                Instant.now().plus(Duration.ofDays(2)).toString(), "slots", 1)).statusCode(200).extract().path("id");
        Api.post("/participation/beta/claim", Tokens.citizen(evaluator), Map.of("taskId", taskId)).statusCode(200);
        Api.post("/participation/beta/submit", Tokens.citizen(evaluator), Map.of("taskId", taskId, "clientRequestId",
                "leak-" + UUID.randomUUID(), "text", personal())).statusCode(200);
    }

    /**
     * A new piece of free text holding a mobile, an e-mail address with a Chinese name, a resident ID and a QQ number;
     * every raw value is remembered for the search.
     */
    private String personal() {
        String email = "王" + random.nextInt(10_000) + "@example.cn";
        String first17 = "440305" + (1950 + random.nextInt(50)) + "0" + (1 + random.nextInt(9)) + (10 + random.nextInt(18))
                + String.format("%03d", random.nextInt(1000));
        String id = first17 + PersonalDataMasker.idCheckChar(first17);
        String qq = String.valueOf(10_000_000 + random.nextInt(90_000_000));
        raw.addAll(List.of(email, id, qq));
        return "电话" + mobile() + "，" + email + "，身份证" + id + "，QQ " + qq;
    }

    /** A new mobile, written one of the ways people hide it. */
    private String mobile() {
        String mobile = "199" + String.format("%08d", random.nextInt(100_000_000));
        String written = switch (maskedMobiles.size() % 5) {
            case 0 -> mobile;
            case 1 -> mobile.substring(0, 3) + "." + mobile.substring(3, 7) + "." + mobile.substring(7);
            case 2 -> String.join("\u200B", mobile.split(""));
            case 3 -> "tel" + mobile;
            default -> chineseNumerals(mobile);
        };
        raw.addAll(List.of(mobile, written));
        maskedMobiles.add(mobile.substring(0, 3) + "****" + mobile.substring(7));
        return written;
    }

    private static String chineseNumerals(String digits) {
        StringBuilder written = new StringBuilder();
        digits.chars().forEach(d -> written.append("〇一二三四五六七八九".charAt(d - '0')));
        return written.toString();
    }

    /** Every item of the table, as text: keys, attributes, nested maps and lists. */
    private static String everyStoredItem() {
        StringBuilder all = new StringBuilder();
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> from = start;
            ScanResponse page = Dynalite.shared().client().scan(ScanRequest.builder().tableName(Dynalite.tableName())
                    .exclusiveStartKey(from).build());
            page.items().forEach(item -> all.append(item).append('\n'));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return all.toString();
    }
}
