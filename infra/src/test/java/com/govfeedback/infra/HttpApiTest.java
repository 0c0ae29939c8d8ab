package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API: JWT authorizer from stack parameters, one authorized greedy route, a few public ones, limits, logs. */
class HttpApiTest {
    private static final StackFixture.Synthesized SYNTHESIZED = StackFixture.allFunctions();
    private static final TemplateView VIEW = new TemplateView(SYNTHESIZED.template());

    @Test
    void jwtAuthorizerTakesIssuerAndAudienceFromStackParameters() {
        assertThat(TemplateView.render(VIEW.properties("AWS::ApiGatewayV2::Authorizer", "HttpApiJwtAuthorizer")))
                .isEqualTo("{ApiId=HttpApi, AuthorizerType=JWT, IdentitySource=[$request.header.Authorization], "
                        + "JwtConfiguration={Audience=(IssuerIsStaffPool ? [StaffSignInPoolConsole] : JwtAudience), "
                        + "Issuer=(IssuerIsStaffPool ? StaffSignInPool.ProviderURL : JwtIssuer)}, Name=JwtAuthorizer}");
        Map<String, Map<String, Object>> parameters = SYNTHESIZED.template().findParameters("*");
        assertThat(parameters.get("JwtIssuer")).containsEntry("Type", "String")
                .containsEntry("AllowedPattern", "(https://.+)?").containsEntry("Default", "");
        assertThat(parameters.get("JwtAudience")).containsEntry("Type", "CommaDelimitedList").containsEntry("Default", "");
    }

    @Test
    void everyRouteButThePublicOnesRequiresTheJwtAndAllGoToTheApiFunction() {
        Map<String, String> authorizationByRoute = new HashMap<>();
        for (Map<String, Object> route : SYNTHESIZED.template().findResources("AWS::ApiGatewayV2::Route").values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) route.get("Properties");
            assertThat(TemplateView.render(properties.get("Target"))).isEqualTo("integrations/HttpApiANYproxyApiFunction");
            String authorizer = properties.containsKey("AuthorizerId")
                    ? " by " + TemplateView.render(properties.get("AuthorizerId")) : "";
            authorizationByRoute.put((String) properties.get("RouteKey"), properties.get("AuthorizationType") + authorizer);
        }
        assertThat(authorizationByRoute).isEqualTo(Map.of(
                "ANY /{proxy+}", "JWT by HttpApiJwtAuthorizer",
                "POST /sla/preview", "NONE",
                "POST /improvement/roadmap", "NONE",
                "POST /improvement/results-wall", "NONE",
                "POST /participation/leaderboard", "NONE",
                "POST /participation/ideas/zone", "NONE",
                "GET /q/health", "NONE",
                "GET /q/health/{proxy+}", "NONE",
                "GET /q/openapi", "NONE"));
        assertThat(TemplateView.render(VIEW.properties("AWS::ApiGatewayV2::Integration", "HttpApiANYproxyApiFunction")))
                .isEqualTo("{ApiId=HttpApi, IntegrationType=AWS_PROXY, IntegrationUri=ApiFunction, "
                        + "PayloadFormatVersion=2.0}");
    }

    @Test
    void stageThrottlesAllRoutesAndThePublicOnesHarder() {
        Map<String, Object> stage = VIEW.properties("AWS::ApiGatewayV2::Stage", "HttpDefaultStage");
        assertThat(stage).containsEntry("StageName", "$default").containsEntry("AutoDeploy", true)
                .containsEntry("DefaultRouteSettings", Map.of("ThrottlingBurstLimit", 100, "ThrottlingRateLimit", 50));
        Map<String, Object> publicLimits = Map.of("ThrottlingBurstLimit", 20, "ThrottlingRateLimit", 10);
        assertThat(stage.get("RouteSettings")).isEqualTo(Map.of(
                "POST /sla/preview", publicLimits, "POST /improvement/roadmap", publicLimits, "POST /improvement/results-wall", publicLimits,
                "POST /participation/leaderboard", publicLimits, "POST /participation/ideas/zone", publicLimits,
                "GET /q/health", publicLimits, "GET /q/health/{proxy+}", publicLimits, "GET /q/openapi", publicLimits));
    }

    @Test
    void throttleLimitsComeFromContext(@TempDir Path otherZips) {
        TemplateView tuned = new TemplateView(StackFixture.synth(otherZips, EnumSet.of(ServiceFunction.API),
                FunctionRuntime.NATIVE, Map.of("apiRateLimit", "200", "apiBurstLimit", 400,
                        "publicRateLimit", "5", "publicBurstLimit", "8")).template());
        Map<String, Object> stage = tuned.properties("AWS::ApiGatewayV2::Stage", "HttpDefaultStage");
        assertThat(stage).containsEntry("DefaultRouteSettings",
                Map.of("ThrottlingBurstLimit", 400, "ThrottlingRateLimit", 200));
        assertThat(((Map<?, ?>) stage.get("RouteSettings")).get("POST /sla/preview"))
                .isEqualTo(Map.of("ThrottlingBurstLimit", 8, "ThrottlingRateLimit", 5));
    }

    @Test
    void accessLogsGoAsJsonToALogGroupKeptSixMonths() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> logSettings = (Map<String, Object>) VIEW
                .properties("AWS::ApiGatewayV2::Stage", "HttpDefaultStage").get("AccessLogSettings");
        assertThat(TemplateView.render(logSettings.get("DestinationArn"))).isEqualTo("HttpAccessLogs");
        Map<String, Object> format = new ObjectMapper().readValue((String) logSettings.get("Format"),
                new TypeReference<Map<String, Object>>() {
                });
        assertThat(format).containsEntry("requestId", "$context.requestId")
                .containsEntry("routeKey", "$context.routeKey")
                .containsEntry("status", "$context.status")
                .containsEntry("authorizerError", "$context.authorizer.error");
        assertThat(VIEW.properties("AWS::Logs::LogGroup", "HttpAccessLogs")).containsEntry("RetentionInDays", 180);
    }

    @Test
    void outputsTheApiUrlTableNameAndTopics() {
        Map<String, Map<String, Object>> outputs = SYNTHESIZED.template().findOutputs("*");
        assertThat(outputs).containsOnlyKeys("ApiUrl", "ConsoleUrl", "TableName", "NotificationTopicArn", "AlarmTopicArn",
                "AuditAnchorBucketName");
        assertThat(TemplateView.render(outputs.get("ApiUrl").get("Value")))
                .isEqualTo("https://HttpApi.execute-api.${AWS::Region}.${AWS::URLSuffix}/");
        assertThat(TemplateView.render(outputs.get("TableName").get("Value"))).isEqualTo("FeedbackTable");
        assertThat(TemplateView.render(outputs.get("NotificationTopicArn").get("Value"))).isEqualTo("NotificationTopic");
    }

    @Test
    void withoutTheHttpApiTheApiFunctionStaysAndTheStackSaysSo(@TempDir Path otherZips) {
        StackFixture.Synthesized local = StackFixture.synth(otherZips, EnumSet.of(ServiceFunction.API),
                FunctionRuntime.NATIVE, Map.of("httpApi", "false"));
        local.template().resourceCountIs("AWS::ApiGatewayV2::Api", 0);
        local.template().resourceCountIs("AWS::ApiGatewayV2::Route", 0);
        assertThat(StackFixture.serviceResources(local.template(), "AWS::Lambda::Function")).hasSize(1);
        assertThat(local.template().findOutputs("*")).containsKey("HttpApiOmitted").doesNotContainKey("ApiUrl");
    }

    @Test
    void publicRouteListIsTheDocumentedOne() {
        assertThat(HttpApiFront.PUBLIC_ROUTES)
                .containsExactly("POST /sla/preview", "POST /improvement/roadmap", "POST /improvement/results-wall", "POST /participation/leaderboard",
                        "POST /participation/ideas/zone", "GET /q/health",
                        "GET /q/health/{proxy+}", "GET /q/openapi");
        assertThat(HttpApiFront.PUBLIC_ROUTES).noneMatch(route -> route.contains("triage"));
        assertThat(List.of(HttpApiFront.AUTHORIZED_ROUTE)).containsExactly("ANY /{proxy+}");
    }
}
