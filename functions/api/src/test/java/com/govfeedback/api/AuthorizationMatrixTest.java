package com.govfeedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.bridge.FeedbackWithImprovements;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.intake.SubmitFeedback;
import com.govfeedback.feedback.lifecycle.CaseRequests;
import com.govfeedback.feedback.lifecycle.CaseService;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.improvement.service.ImprovementRequests;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.service.ImprovementViews;
import com.govfeedback.participation.evaluators.BetaTasks;
import com.govfeedback.participation.evaluators.EvaluatorProgramme;
import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.rewards.Catalogue;
import com.govfeedback.sla.Colour;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Every operation × role × target of the table in docs/security.md ("Who may do what"), each cell a real call with a
 * valid request against the API and the store: the answer is the status the table names, and a refusal is a problem
 * document. What each call acts on is prepared through the core services directly (a case worked to RESOLVED, an
 * approved evaluator, an improvement led by the caller's department or another), so only the call under test goes
 * through the API. Every operation the API exports must have its rows, so the table cannot fall behind the code. The
 * hundreds of cases it makes live in a table of their own, so they never crowd another test's queue.
 */
@QuarkusTest
@TestProfile(AuthorizationMatrixTest.OwnTable.class)
class AuthorizationMatrixTest {
    private static final Path SECURITY_DOC = Path.of("../../docs/security.md");
    private static final String SECTION = "## Who may do what";
    private static final List<String> COLUMNS = List.of("citizen", "evaluator", "staff", "supervisor", "admin", "optimisation-office",
            "anonymous");
    /** Routed with confidence to one department, not the most urgent colour (so staff may raise it). */
    private static final String TEXT = "社保卡页面打不开，一直转圈，查不到缴费记录";
    private static final FeedbackContext CONTEXT = new FeedbackContext("/social-security/card", "HUAWEI Mate 60", "HarmonyOS", "4.2",
            "5.3.1", "5G", "440305", "zh-CN");
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Inject
    FeedbackWithImprovements feedback;
    @Inject
    CaseService cases;
    @Inject
    ImprovementService improvements;
    @Inject
    EvaluatorProgramme programme;
    @Inject
    BetaTasks tasks;
    @Inject
    Ledger ledger;
    @Inject
    Catalogue catalogue;
    @Inject
    GoldenIdeas ideas;

    public static class OwnTable implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalStoreResource.class, Map.of(LocalStoreResource.TABLE, "authorization-matrix")));
        }
    }

    /** The department {@link #TEXT} is routed to: "own" for staff and supervisors. */
    private String own;
    /** Another department of the taxonomy: where "other" staff and supervisors work. */
    private String other;
    private Caller leadStaff;

    /** One row of the table: an operation, its target, and the status each role column expects. */
    record Row(String operation, String target, Map<String, Integer> expected) {
    }

    /** Who makes a call: a fresh subject with a token of the column's role, in the department the target asks for. */
    record Actor(String column, String subject, String token, boolean citizen) {
        /** Who submits the feedback the call acts on: the caller for a citizen's own, someone else otherwise. */
        String submitterFor(String target) {
            return citizen && "own".equals(target) ? subject : "matrix-citizen-" + UUID.randomUUID();
        }
    }

    /** One cell's call: prepares what it acts on, calls the operation as the actor, answers the response. */
    interface Scenario {
        ExtractableResponse<Response> call(Actor actor, String target);
    }

    @Test
    void everyOperationRoleAndTargetIsAnsweredAsDocsSecurityMdSays() throws Exception {
        List<Row> rows = table();
        Set<String> documented = rows.stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));
        Set<String> exported = OpenApiTest.exportedFunctionPaths().stream().map(path -> path.substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("operations in docs/security.md").isEqualTo(exported);

        FeedbackView probe = submitted("matrix-probe-" + UUID.randomUUID());
        own = probe.triage().department();
        other = own.equals("TAX_BUREAU") ? "EDUCATION_BUREAU" : "TAX_BUREAU";
        assertThat(probe.triage().needsReview()).as("the matrix text needs no review; pick another if the model changed").isFalse();
        assertThat(probe.triage().colour()).isNotEqualTo(Colour.RED);
        leadStaff = new Caller("matrix-lead-staff", Role.STAFF, own);
        Map<String, Scenario> scenarios = scenarios();
        assertThat(scenarios.keySet()).as("a scenario for every documented operation").containsAll(documented);

        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        long started = System.nanoTime();
        for (Row row : rows) {
            for (String column : COLUMNS) {
                int expected = row.expected().get(column);
                ExtractableResponse<Response> answer = scenarios.get(row.operation()).call(actor(column, row.target()), row.target());
                calls++;
                String where = row.operation() + " [" + row.target() + "] as " + column;
                if (answer.statusCode() != expected) {
                    mismatches.add(where + ": expected " + expected + ", got " + answer.statusCode() + " " + answer.body().asString());
                } else if (expected != 200 && !String.valueOf(answer.contentType()).startsWith(ProblemResponder.PROBLEM_JSON)) {
                    mismatches.add(where + ": refused without a problem document (" + answer.contentType() + ")");
                }
            }
        }
        System.out.printf("authorization matrix: %d rows, %d cells, %.1f s%n", rows.size(), calls, (System.nanoTime() - started) / 1e9);
        assertThat(mismatches).as("cells answered otherwise than docs/security.md says").isEmpty();
    }

    /** The first table under "## Who may do what": one row per operation and target, one column per role. */
    private static List<Row> table() throws IOException {
        List<String> lines = Files.readAllLines(SECURITY_DOC, StandardCharsets.UTF_8);
        int start = lines.indexOf(SECTION);
        assertThat(start).as(SECTION + " in " + SECURITY_DOC).isNotNegative();
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || header != null && !line.startsWith("|")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|")).stream().map(String::strip).toList();
            if (header == null) {
                header = cells;
                assertThat(header).as("the table's columns").isEqualTo(concat(List.of("operation", "target"), COLUMNS));
            } else if (!cells.get(0).startsWith("---")) {
                Map<String, Integer> expected = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    expected.put(COLUMNS.get(i), Integer.valueOf(cells.get(i + 2)));
                }
                rows.add(new Row(cells.get(0).replace("`", ""), cells.get(1), expected));
            }
        }
        assertThat(rows).as("rows of the table under " + SECTION).isNotEmpty();
        return rows;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Actor actor(String column, String target) {
        String subject = "matrix-" + column + "-" + UUID.randomUUID();
        String department = "other".equals(target) ? other : own;
        return switch (column) {
            case "citizen" -> new Actor(column, subject, token(Role.CITIZEN, subject, null), true);
            case "evaluator" -> {
                programme.apply(subject, "30-44", "440305", "Xiaomi 14", true);
                programme.approve("matrix-operator", subject);
                yield new Actor(column, subject, token(Role.CITIZEN, subject, null), true);
            }
            case "staff" -> new Actor(column, subject, token(Role.STAFF, subject, department), false);
            case "supervisor" -> new Actor(column, subject, token(Role.SUPERVISOR, subject, department), false);
            case "admin" -> new Actor(column, subject, token(Role.ADMIN, subject, null), false);
            case "optimisation-office" -> new Actor(column, subject, token(Role.OPTIMISATION_OFFICE, subject, null), false);
            case "anonymous" -> new Actor(column, subject, null, false);
            default -> throw new IllegalArgumentException("no role column " + column);
        };
    }

    private static String token(Role role, String subject, String department) {
        return LocalStoreResource.tokens.issue(role, subject, department, Duration.ofMinutes(30));
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static ExtractableResponse<Response> post(String operation, Actor actor, Map<String, Object> body) {
        return Api.post("/" + operation, actor.token(), body).extract();
    }

    // --- what the calls act on, prepared through the core -----------------------------------------------------------

    private FeedbackView submitted(String citizen) {
        return feedback.submit(new Caller(citizen, Role.CITIZEN, null), new SubmitFeedback("matrix-" + UUID.randomUUID(), TEXT, "APP", CONTEXT));
    }

    private FeedbackView submittedWithPhone(String citizen) {
        return feedback.submit(new Caller(citizen, Role.CITIZEN, null), new SubmitFeedback("matrix-" + UUID.randomUUID(), TEXT, "APP", CONTEXT,
                "13812345678"));
    }

    private FeedbackView moved(FeedbackView f, String to) {
        return cases.transition(leadStaff, new CaseRequests.Transition(f.id(), to, "进入" + to, null, null, f.version()));
    }

    private FeedbackView resolved(String citizen) {
        return moved(moved(moved(submitted(citizen), "ACCEPTED"), "IN_PROGRESS"), "RESOLVED");
    }

    private FeedbackView appealed(String citizen) {
        FeedbackView f = resolved(citizen);
        return cases.appeal(new Caller(citizen, Role.CITIZEN, null), new CaseRequests.Appeal(f.id(), "问题没有解决"));
    }

    /** An improvement led by {@code own}, proposed by the optimisation office from a fresh feedback. */
    private String improvement() {
        FeedbackView source = submitted("matrix-citizen-" + UUID.randomUUID());
        return improvements.create(new Caller("matrix-office", Role.OPTIMISATION_OFFICE, null), new ImprovementRequests.Create(
                "matrix-" + UUID.randomUUID(), "社保卡页面打不开", "打开后一直转圈", List.of(source.id()), null, List.of("/social-security/card"),
                List.of("5.3.1"), null, source.triage().type(), own, null, null)).tracker().id();
    }

    private long improvementVersion(String id) {
        return ((ImprovementViews.StaffView) improvements.get(new Caller("matrix-office", Role.OPTIMISATION_OFFICE, null), id)).version();
    }

    private String betaTask() {
        return tasks.post("5.4.0-beta." + UUID.randomUUID().toString().substring(0, 8), "打开医保电子凭证，出示二维码",
                Instant.now().plus(Duration.ofDays(2)), 5).id();
    }

    /** A staff operation on a freshly submitted case: its id and the version read, and {@code fields}. */
    private Scenario onSubmitted(String operation, Object... fields) {
        return (a, t) -> {
            FeedbackView f = submitted(a.submitterFor(t));
            Map<String, Object> body = body(fields);
            body.put("id", f.id());
            body.put("version", f.version());
            return post(operation, a, body);
        };
    }

    // --- one scenario per operation -----------------------------------------------------------------------------------

    private Map<String, Scenario> scenarios() {
        Map<String, Scenario> s = new LinkedHashMap<>();
        s.put("feedback/submit", (a, t) -> post("feedback/submit", a, Api.submission(TEXT)));
        s.put("feedback/get", (a, t) -> post("feedback/get", a, body("id", submitted(a.submitterFor(t)).id())));
        s.put("feedback/mine", (a, t) -> post("feedback/mine", a, body()));
        s.put("feedback/track", (a, t) -> post("feedback/track", a, body("trackingNo", submitted(a.submitterFor(t)).trackingNo())));
        s.put("feedback/withdraw", (a, t) -> post("feedback/withdraw", a, body("id", submitted(a.submitterFor(t)).id(), "reason", "已自行解决")));
        s.put("feedback/supplement", (a, t) -> post("feedback/supplement", a, body("id", moved(submitted(a.submitterFor(t)), "AWAITING_CITIZEN").id(),
                "text", "补充：缴费月份是三月")));
        s.put("feedback/rate", (a, t) -> post("feedback/rate", a, body("id", resolved(a.submitterFor(t)).id(), "score", 4)));
        s.put("feedback/appeal", (a, t) -> post("feedback/appeal", a, body("id", resolved(a.submitterFor(t)).id(), "reason", "问题没有解决")));
        s.put("triage/classify", (a, t) -> post("triage/classify", a, body("text", TEXT)));
        s.put("sla/preview", (a, t) -> post("sla/preview", a, body("colour", "BLUE", "submittedAt", "2026-09-24T16:00:00+08:00")));
        s.put("reference/lists", (a, t) -> {
            var request = given();
            if (a.token() != null) {
                request = request.header("Authorization", "Bearer " + a.token());
            }
            return request.post("/reference/lists").then().extract();
        });
        s.put("queue/list", (a, t) -> post("queue/list", a, "review".equals(t) ? body("review", true) : body("department", own)));
        s.put("queue/copies", (a, t) -> post("queue/copies", a, body("department", own)));
        s.put("queue/overdue", (a, t) -> post("queue/overdue", a, body()));
        s.put("insights/dashboard", (a, t) -> post("insights/dashboard", a, body()));
        s.put("feedback/acknowledge", onSubmitted("feedback/acknowledge"));
        s.put("feedback/reply", onSubmitted("feedback/reply", "message", "我们正在核实"));
        s.put("feedback/transition", onSubmitted("feedback/transition", "to", "ACCEPTED", "publicNote", "已受理"));
        s.put("feedback/assign", onSubmitted("feedback/assign", "owner", "wang", "expectedBy", LocalDate.now(CITY).plusDays(30).toString()));
        s.put("feedback/transfer", onSubmitted("feedback/transfer", "department", other, "reason", "属其他部门业务"));
        s.put("feedback/merge", (a, t) -> {
            FeedbackView duplicate = submitted(a.submitterFor(t));
            FeedbackView original = submitted("matrix-citizen-" + UUID.randomUUID());
            return post("feedback/merge", a, body("id", duplicate.id(), "into", original.id(), "version", duplicate.version()));
        });
        s.put("triage/review", onSubmitted("triage/review", "colour", "RED"));
        s.put("appeal/decide", (a, t) -> {
            FeedbackView f = appealed(a.submitterFor(t));
            return post("appeal/decide", a, body("id", f.id(), "decision", "UPHOLD", "note", "维持原处理结果", "version", f.version()));
        });
        s.put("feedback/follow-up", (a, t) -> {
            String citizen = a.submitterFor(t);
            FeedbackView resolved = resolved(citizen);
            FeedbackView rated = feedback.rate(new Caller(citizen, Role.CITIZEN, null), new CaseRequests.Rate(resolved.id(), 2, null));
            return post("feedback/follow-up", a, body("id", rated.id(), "reached", true, "satisfied", true, "note", "已电话回访",
                    "version", rated.version()));
        });
        s.put("participation/bugs/confirm", (a, t) -> post("participation/bugs/confirm", a, body("feedbackId", submitted(a.submitterFor(t)).id())));
        s.put("contact/reveal", (a, t) -> post("contact/reveal", a, body("id", submittedWithPhone(a.submitterFor(t)).id(), "reason",
                "回电核实缴费记录")));
        s.put("audit/trail", (a, t) -> post("audit/trail", a, body("id", submitted(a.submitterFor(t)).id())));

        s.put("improvement/create", (a, t) -> {
            FeedbackView source = submitted("matrix-citizen-" + UUID.randomUUID());
            return post("improvement/create", a, body("clientRequestId", "matrix-" + UUID.randomUUID(), "title", "社保卡页面打不开",
                    "problem", "打开后一直转圈", "feedbackIds", List.of(source.id()), "screenPaths", List.of("/social-security/card"),
                    "appVersions", List.of("5.3.1"), "feedbackType", source.triage().type(), "leadDepartment", own));
        });
        s.put("improvement/get", (a, t) -> post("improvement/get", a, body("id", improvement())));
        s.put("improvement/update", (a, t) -> {
            String id = improvement();
            return post("improvement/update", a, body("id", id, "title", "社保卡页面加载慢", "version", improvementVersion(id)));
        });
        s.put("improvement/link", (a, t) -> post("improvement/link", a, body("id", improvement(), "feedbackIds",
                List.of(submitted("matrix-citizen-" + UUID.randomUUID()).id()))));
        s.put("improvement/grade", (a, t) -> {
            String id = improvement();
            return post("improvement/grade", a, body("id", id, "urgency", 3, "effort", "M", "version", improvementVersion(id)));
        });
        s.put("improvement/move", (a, t) -> {
            String id = improvement();
            return post("improvement/move", a, body("id", id, "to", "ACCEPTED", "target", "5.10.0", "version", improvementVersion(id)));
        });
        s.put("improvement/support", (a, t) -> post("improvement/support", a, body("id", improvement())));
        s.put("improvement/pool", (a, t) -> post("improvement/pool", a, body("department", own)));
        s.put("improvement/lead-times", (a, t) -> post("improvement/lead-times", a, body()));
        s.put("improvement/roadmap", (a, t) -> post("improvement/roadmap", a, body("status", "ACCEPTED")));
        s.put("improvement/results-wall", (a, t) -> post("improvement/results-wall", a, body()));

        s.put("participation/points/mine", (a, t) -> post("participation/points/mine", a, body()));
        s.put("participation/notices/mine", (a, t) -> post("participation/notices/mine", a, body()));
        s.put("participation/profile", (a, t) -> post("participation/profile", a, body("name", "陈小明", "regionCode", "440305")));
        s.put("participation/leaderboard", (a, t) -> post("participation/leaderboard", a, body("city", "4403", "period", "week")));
        s.put("participation/rewards/list", (a, t) -> post("participation/rewards/list", a, body()));
        s.put("participation/rewards/redeem", (a, t) -> {
            catalogue.seed(Catalogue.seedFile());
            ledger.award("matrix:" + UUID.randomUUID(), a.subject(), "GOLDEN_IDEA_ADOPTED");
            return post("participation/rewards/redeem", a, body("requestId", "matrix-" + UUID.randomUUID(), "rewardId", "SERVICE_COUPON_10"));
        });
        s.put("participation/rewards/seed", (a, t) -> post("participation/rewards/seed", a, body("rewardIds", List.of("SERVICE_COUPON_10"))));
        s.put("participation/points/grant", (a, t) -> post("participation/points/grant", a, body("causeId", "matrix:" + UUID.randomUUID(),
                "citizen", "matrix-citizen-" + UUID.randomUUID(), "rule", "BUG_CONFIRMED")));
        s.put("participation/evaluators/apply", (a, t) -> post("participation/evaluators/apply", a, body("ageBand", "30-44", "district", "440305",
                "device", "Xiaomi 14", "consent", true)));
        s.put("participation/evaluators/pending", (a, t) -> post("participation/evaluators/pending", a, body()));
        s.put("participation/evaluators/decide", (a, t) -> {
            String applicant = "matrix-citizen-" + UUID.randomUUID();
            programme.apply(applicant, "45-59", "440306", "OPPO Find X7", true);
            return post("participation/evaluators/decide", a, body("citizen", applicant, "approve", true));
        });
        s.put("participation/beta/post", (a, t) -> post("participation/beta/post", a, body("version", "5.4.0-beta.1", "steps", "打开医保电子凭证",
                "deadline", Instant.now().plus(Duration.ofDays(2)).toString(), "slots", 3)));
        s.put("participation/beta/open", (a, t) -> post("participation/beta/open", a, body()));
        s.put("participation/beta/claim", (a, t) -> post("participation/beta/claim", a, body("taskId", betaTask())));
        s.put("participation/beta/submit", (a, t) -> {
            String task = betaTask();
            if ("evaluator".equals(a.column())) {
                tasks.claim(a.subject(), task);
            }
            return post("participation/beta/submit", a, body("taskId", task, "clientRequestId", "matrix-" + UUID.randomUUID(), "text",
                    "二维码页面打开后闪退"));
        });
        s.put("participation/beta/review", (a, t) -> {
            String task = betaTask();
            String evaluator = actor("evaluator", "–").subject();
            tasks.claim(evaluator, task);
            tasks.submit(evaluator, task, "matrix-" + UUID.randomUUID(), "二维码页面打开后闪退");
            return post("participation/beta/review", a, body("taskId", task, "citizen", evaluator, "accept", true));
        });
        s.put("participation/ideas/year", (a, t) -> post("participation/ideas/year", a, body("year", LocalDate.now(CITY).getYear())));
        s.put("participation/ideas/decide", (a, t) -> {
            GoldenIdeas.Idea idea = ideas.adopted("matrix-" + UUID.randomUUID(), "matrix-citizen-" + UUID.randomUUID(), "夜间模式", Instant.now());
            return post("participation/ideas/decide", a, body("year", idea.year(), "improvementId", idea.improvementId(), "amountYuan", 1000,
                    "reason", "采纳后使用率提升"));
        });
        s.put("participation/ideas/zone", (a, t) -> post("participation/ideas/zone", a, body("year", LocalDate.now(CITY).getYear())));
        s.put("participation/audit", (a, t) -> post("participation/audit", a, body("day", LocalDate.now(ZoneId.of("UTC")).toString())));
        return s;
    }
}
