package com.govfeedback.api;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls the API under test over real HTTP. */
final class Api {
    private Api() {
    }

    static ValidatableResponse post(String path, String token, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.body(body).when().post(path).then();
    }

    /** A valid submission body sent from {@code screenPath} by app {@code appVersion}, with a new client request id. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> submission(String text, String screenPath, String appVersion) {
        Map<String, Object> body = submission(text);
        Map<String, Object> context = (Map<String, Object>) body.get("context");
        context.put("screenPath", screenPath);
        context.put("appVersion", appVersion);
        return body;
    }

    /** A valid submission body with a new client request id. */
    static Map<String, Object> submission(String text) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("screenPath", "/home/social-security/card");
        context.put("deviceModel", "HUAWEI Mate 60");
        context.put("os", "HarmonyOS");
        context.put("osVersion", "4.2");
        context.put("appVersion", "5.3.1");
        context.put("networkType", "5G");
        context.put("regionCode", "440305");
        context.put("locale", "zh-CN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientRequestId", "req-" + UUID.randomUUID());
        body.put("text", text);
        body.put("channel", "APP");
        body.put("context", context);
        return body;
    }
}
