package com.govfeedback.api;

import static com.govfeedback.api.LifecycleApiTest.act;
import static com.govfeedback.api.LifecycleApiTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Role;
import com.govfeedback.crypto.LocalKeyFiles;
import com.govfeedback.testing.Dynalite;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The callback phone (sealed in the item, masked in every view, revealed only to the handling department with a reason,
 * re-sealed after a key rotation) and the case's audit trail (every change with its notes in full, every staff read and
 * reveal, linked by hashes).
 */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class ContactAndAuditApiTest {
    private static final String TEXT = "社保卡页面打不开，一直转圈，查不到缴费记录";
    private static final String PHONE = "13812345678";

    private static LifecycleApiTest.Case submittedWithPhone(String written) {
        String citizen = Tokens.freshCitizen();
        Map<String, Object> submission = Api.submission(TEXT);
        submission.put("contactPhone", written);
        JsonPath view = Api.post("/feedback/submit", citizen, submission).statusCode(200).extract().jsonPath();
        String department = view.getString("triage.department");
        return new LifecycleApiTest.Case(view.getString("id"), citizen, department, Tokens.staff(department), Tokens.supervisor(department));
    }

    private static Map<String, AttributeValue> storedItem(String id) {
        return Dynalite.shared().client().getItem(b -> b.tableName(Dynalite.tableName()).key(Map.of("PK", AttributeValue.fromS("FEEDBACK#" + id),
                "SK", AttributeValue.fromS("FEEDBACK")))).item();
    }

    private static JsonPath trail(LifecycleApiTest.Case c, int limit, String cursor) {
        Map<String, Object> request = body("id", c.id(), "limit", limit);
        if (cursor != null) {
            request.put("cursor", cursor);
        }
        return Api.post("/audit/trail", c.supervisor(), request).statusCode(200).extract().jsonPath();
    }

    /** The whole trail, page by page, as maps. */
    private static List<Map<String, Object>> wholeTrail(LifecycleApiTest.Case c) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = trail(c, 50, cursor);
            entries.addAll(page.getList("entries"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return entries;
    }

    @Test
    void theCallbackPhoneIsStoredSealedAndShownMasked() {
        LifecycleApiTest.Case c = submittedWithPhone("+86 138-1234-5678");

        assertThat(Api.post("/feedback/get", c.citizen(), Map.of("id", c.id())).statusCode(200).extract().jsonPath()
                .getString("contactPhone")).isEqualTo("138****5678");
        Api.post("/feedback/get", c.staff(), Map.of("id", c.id())).statusCode(200).body("contactPhone", equalTo("138****5678"));
        Map<String, AttributeValue> item = storedItem(c.id());
        assertThat(item.toString()).doesNotContain(PHONE).doesNotContain("1234-5678");
        assertThat(item.get("contactPhone").m().get("algorithm").s()).isEqualTo("SM4-GCM");

        Map<String, Object> bad = Api.submission(TEXT);
        bad.put("contactPhone", "12345");
        Api.post("/feedback/submit", Tokens.freshCitizen(), bad).statusCode(422).body("errors.field", hasItem("contactPhone"));
    }

    @Test
    void onlyTheHandlingDepartmentRevealsItWithAReasonAndEveryRevealIsInTheTrail() {
        LifecycleApiTest.Case c = submittedWithPhone(PHONE);
        Map<String, Object> request = body("id", c.id(), "reason", "电话回访核实诉求，备用号码13900001111");

        JsonPath revealed = Api.post("/contact/reveal", c.staff(), request).statusCode(200).extract().jsonPath();
        assertThat(revealed.getString("contactPhone")).isEqualTo(PHONE);

        Api.post("/contact/reveal", c.staff(), body("id", c.id(), "reason", " ")).statusCode(422);
        Api.post("/contact/reveal", Tokens.supervisor("HEALTHCARE_SECURITY_BUREAU"), request).statusCode(403);
        Api.post("/contact/reveal", LocalStoreResource.tokens.issue(Role.ADMIN, "admin-1", null, Duration.ofMinutes(5)), request).statusCode(403);
        Api.post("/contact/reveal", c.citizen(), request).statusCode(403);
        Api.post("/contact/reveal", Tokens.staff("HEALTHCARE_SECURITY_BUREAU"), request).statusCode(404);
        LifecycleApiTest.Case withoutPhone = LifecycleApiTest.submitted(TEXT);
        Api.post("/contact/reveal", withoutPhone.staff(), body("id", withoutPhone.id(), "reason", "电话回访核实诉求")).statusCode(404);

        List<Map<String, Object>> reveals = wholeTrail(c).stream().filter(e -> "REVEAL_CONTACT".equals(e.get("action"))).toList();
        assertThat(reveals).hasSize(1);
        assertThat(reveals.get(0).get("seq")).isEqualTo(revealed.getInt("auditSeq"));
        @SuppressWarnings("unchecked")
        Map<String, String> details = (Map<String, String>) reveals.get(0).get("details");
        assertThat(details.get("reason")).startsWith("电话回访核实诉求").doesNotContain("13900001111");
        assertThat(reveals.get(0).get("role")).isEqualTo("staff");
        assertThat(reveals.get(0).get("department")).isEqualTo(c.department());
    }

    @Test
    void afterAKeyRotationARevealSealsTheNumberUnderTheNewKeyAndOldValuesStillOpen() {
        LifecycleApiTest.Case before = submittedWithPhone(PHONE);
        String oldKek = storedItem(before.id()).get("contactPhone").m().get("kek").s();
        String newKek = new LocalKeyFiles(LocalStoreResource.contactKeys).rotate();
        Map<String, Object> request = body("id", before.id(), "reason", "电话回访核实诉求");

        Api.post("/contact/reveal", before.staff(), request).statusCode(200).body("contactPhone", equalTo(PHONE));

        assertThat(newKek).isNotEqualTo(oldKek);
        assertThat(storedItem(before.id()).get("contactPhone").m().get("kek").s()).isEqualTo(newKek);
        Api.post("/contact/reveal", before.staff(), request).statusCode(200).body("contactPhone", equalTo(PHONE));
        LifecycleApiTest.Case after = submittedWithPhone("13987654321");
        assertThat(storedItem(after.id()).get("contactPhone").m().get("kek").s()).isEqualTo(newKek);
    }

    @Test
    void theTrailHoldsEveryChangeWithItsNotesInFullAndEveryStaffReadLinkedByHashes() {
        LifecycleApiTest.Case c = LifecycleApiTest.submitted(TEXT);
        act(c, "/feedback/acknowledge", c.staff(), "publicNote", "已受理");
        int replies = 22;
        for (int i = 1; i <= replies; i++) {
            act(c, "/feedback/reply", c.staff(), "message", "第" + i + "次答复", "internalNote", "内部记录" + i);
        }
        Api.post("/feedback/get", c.staff(), Map.of("id", c.id())).statusCode(200);
        Api.post("/feedback/get", c.citizen(), Map.of("id", c.id())).statusCode(200);
        Api.post("/audit/trail", c.staff(), body("id", c.id())).statusCode(403);

        // the item keeps internal notes on its latest 20 entries only; the trail keeps them all
        JsonPath item = Api.post("/feedback/get", c.supervisor(), Map.of("id", c.id())).statusCode(200).extract().jsonPath();
        List<String> kept = item.getList("progress.history.internalNote");
        assertThat(kept).contains((String) null).doesNotContain("内部记录1");
        List<Map<String, Object>> entries = wholeTrail(c);
        List<String> notes = entries.stream().filter(e -> "REPLY".equals(e.get("action")))
                .map(e -> (String) ((Map<?, ?>) e.get("details")).get("internalNote")).toList();
        assertThat(notes).hasSize(replies).startsWith("内部记录1", "内部记录2").endsWith("内部记录" + replies);
        assertThat(entries).filteredOn(e -> "ACKNOWLEDGE".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat(e.get("actor")).asString().startsWith("staff-"));
        // staff and supervisors' reads are recorded (the version look-ups of the helper read as the supervisor); the citizen's not
        assertThat(entries).filteredOn(e -> "READ".equals(e.get("action"))).extracting(e -> e.get("role")).doesNotContain("citizen")
                .contains("staff", "supervisor");
        assertThat(entries.get(entries.size() - 1).get("action")).isEqualTo("READ_AUDIT_TRAIL");
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get("seq")).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(entries.get(i).get("previousHash")).isEqualTo(entries.get(i - 1).get("hash"));
            }
        }
        JsonPath first = trail(c, 2, null);
        assertThat(first.getList("entries.seq")).containsExactly(1, 2);
        assertThat(trail(c, 2, first.getString("nextCursor")).getList("entries.seq")).containsExactly(3, 4);
        Api.post("/audit/trail", c.supervisor(), body("id", c.id(), "cursor", "not-ours")).statusCode(422);
    }
}
