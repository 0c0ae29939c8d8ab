package com.govfeedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every function the module exports is documented, with its schemas and its error answers. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class OpenApiTest {

    @Test
    void everyFunctionIsDocumentedWithRequestResponseAndErrors() throws Exception {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        List<String> functions = exportedFunctionPaths();
        assertThat(functions).contains("/feedback/submit", "/feedback/get", "/feedback/mine");
        Map<String, Object> paths = doc.getMap("paths");
        for (String path : functions) {
            assertThat(paths).as("OpenAPI paths").containsKey(path);
            String op = "paths.'" + path + "'.post";
            assertThat(doc.getString(op + ".responses.'200'.content.'application/json'.schema.$ref")).as(path + " response").isNotBlank();
            assertThat(doc.getMap(op + ".responses")).as(path + " errors").containsKeys("400", "413", "503");
            assertThat(doc.getString(op + ".responses.'400'.content.'application/problem+json'.schema.$ref"))
                    .isEqualTo("#/components/schemas/Problem");
        }
        assertThat(doc.getMap("components.schemas.SubmitFeedback.properties")).containsKeys("clientRequestId", "text", "channel", "context");
        assertThat(doc.getList("components.schemas.Channel.enum")).contains("APP", "HOTLINE");
        assertThat(doc.getString("components.schemas.FeedbackView.properties.receivedAt.format")).isEqualTo("date-time");
        assertThat(doc.getMap("paths.'/feedback/submit'.post.responses")).containsKeys("401", "403", "409", "422", "429");
    }

    static List<String> exportedFunctionPaths() throws IOException, URISyntaxException, ClassNotFoundException {
        return ExportedFunctions.all().stream().map(ExportedFunctions::path).toList();
    }
}
