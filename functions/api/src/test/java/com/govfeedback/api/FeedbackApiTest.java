package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class FeedbackApiTest {
    @Test
    void submitAnswersTheStoredFeedbackWithATrackingNumber() {
        Map<String, Object> body = Api.submission("社保卡页面打不开，一直转圈");
        Api.post("/feedback/submit", Tokens.freshCitizen(), body)
                .statusCode(200)
                .body("id", matchesPattern("[0-9A-HJKMNP-TV-Z]{26}"))
                .body("trackingNo", matchesPattern("\\d{6}-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                .body("status", equalTo("SUBMITTED"))
                .body("receivedAt", notNullValue())
                .body("text", equalTo("社保卡页面打不开，一直转圈"))
                .body("channel", equalTo("APP"))
                .body("context.regionCode", equalTo("440305"))
                .body("context.screenPath", equalTo("/home/social-security/card"));
    }

    @Test
    void resubmittingTheSameRequestReturnsTheSameFeedbackAndStoresNothingNew() {
        String token = Tokens.freshCitizen();
        Map<String, Object> body = Api.submission("  登录后闪退  ");
        String first = Api.post("/feedback/submit", token, body).statusCode(200).extract().path("id");
        String second = Api.post("/feedback/submit", token, body).statusCode(200).extract().path("id");
        assertThat(second).isEqualTo(first);
        List<String> mine = Api.post("/feedback/mine", token, Map.of()).statusCode(200).extract().path("items.id");
        assertThat(mine).containsExactly(first);
    }

    @Test
    void reusingARequestIdForAnotherBodyIsAConflict() {
        String token = Tokens.freshCitizen();
        Map<String, Object> body = Api.submission("第一次的内容");
        Api.post("/feedback/submit", token, body).statusCode(200);
        body.put("text", "换了内容");
        Api.post("/feedback/submit", token, body)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"));
    }

    @Test
    void aCitizenSeesOwnFeedbackAndAnotherCitizensIdIsNotFound() {
        String owner = Tokens.freshCitizen();
        String id = Api.post("/feedback/submit", owner, Api.submission("公积金提取进度查不到")).extract().path("id");
        Api.post("/feedback/get", owner, Map.of("id", id)).statusCode(200).body("id", equalTo(id));
        Api.post("/feedback/get", Tokens.freshCitizen(), Map.of("id", id))
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        Api.post("/feedback/get", Tokens.supervisor("BIG_DATA_BUREAU"), Map.of("id", id)).statusCode(200);
        Api.post("/feedback/get", owner, Map.of("id", "not-an-id")).statusCode(404);
    }

    @Test
    void mineListsNewestFirstInPages() {
        String token = Tokens.freshCitizen();
        String a = Api.post("/feedback/submit", token, Api.submission("一")).extract().path("id");
        String b = Api.post("/feedback/submit", token, Api.submission("二")).extract().path("id");
        String c = Api.post("/feedback/submit", token, Api.submission("三")).extract().path("id");
        var first = Api.post("/feedback/mine", token, Map.of("limit", 2)).statusCode(200).extract();
        assertThat(first.<List<String>>path("items.id")).containsExactly(c, b);
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotBlank();
        Api.post("/feedback/mine", token, Map.of("limit", 2, "cursor", cursor)).statusCode(200)
                .body("items.id", equalTo(List.of(a)))
                .body("nextCursor", nullValue());
    }

    @Test
    void malformedJsonIs400Problem() {
        Api.post("/feedback/submit", Tokens.freshCitizen(), "{\"text\": ")
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void missingOrForgedTokenIs401() {
        Api.post("/feedback/submit", null, Api.submission("x"))
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        String token = Tokens.freshCitizen();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        Api.post("/feedback/submit", forged, Api.submission("x"))
                .statusCode(401).contentType("application/problem+json");
        String noSubject = LocalStoreResource.tokens.issue(com.govfeedback.auth.Role.CITIZEN, " ", null, java.time.Duration.ofMinutes(5));
        Api.post("/feedback/submit", noSubject, Api.submission("x"))
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void staffCannotSubmitOrListAsACitizen() {
        Api.post("/feedback/submit", Tokens.staff("TAX_BUREAU"), Api.submission("x"))
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        Api.post("/feedback/mine", Tokens.staff("TAX_BUREAU"), Map.of()).statusCode(403);
    }

    @Test
    void unknownOperationIs404Problem() {
        Api.post("/feedback/nothing-here", Tokens.freshCitizen(), Map.of())
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bodyOver64KiBIs413Problem() {
        Map<String, Object> body = Api.submission("长".repeat(30_000));
        Api.post("/feedback/submit", Tokens.freshCitizen(), body)
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void invalidFieldsAre422WithEveryFieldNamed() {
        Map<String, Object> body = Api.submission("   ");
        body.put("channel", "FAX");
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) body.get("context");
        context.put("regionCode", "999999");
        Api.post("/feedback/submit", Tokens.freshCitizen(), body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItems("text", "channel", "context.regionCode"));
        Map<String, Object> tooLong = Api.submission("字".repeat(2001));
        Api.post("/feedback/submit", Tokens.freshCitizen(), tooLong).statusCode(422).body("errors.field", hasItems("text"));
        Api.post("/feedback/mine", Tokens.freshCitizen(), Map.of("limit", 51)).statusCode(422).body("errors.field", hasItems("limit"));
        Api.post("/feedback/mine", Tokens.freshCitizen(), Map.of("cursor", "bm90LW91cnM")).statusCode(422)
                .body("errors.field", hasItems("cursor"));
        Api.post("/feedback/get", Tokens.freshCitizen(), Map.of()).statusCode(422).body("errors.field", hasItems("id"));
    }

    @Test
    void tooManySubmissionsInAnHourAre429WithRetryAfter() {
        String token = Tokens.freshCitizen();
        for (int i = 0; i < 5; i++) {
            Api.post("/feedback/submit", token, Api.submission("第" + i + "条")).statusCode(200);
        }
        Map<String, Object> sixth = Api.submission("第六条");
        String retryAfter = Api.post("/feedback/submit", token, sixth)
                .statusCode(429).contentType("application/problem+json").extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);
        // a refused submission leaves nothing behind: the list still holds five
        List<String> mine = Api.post("/feedback/mine", token, Map.of("limit", 50)).extract().path("items.id");
        assertThat(mine).hasSize(5);
    }
}
