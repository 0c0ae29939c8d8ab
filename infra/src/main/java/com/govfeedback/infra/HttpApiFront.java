package com.govfeedback.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.deploy.DeployNames;

import software.amazon.awscdk.Fn;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API in front of the api function. Funqy serves every function at its own path ({@code POST /feedback/submit}),
 * so one greedy route takes everything and requires a valid JWT; the few routes a signed-out app or a load balancer
 * needs are listed here and open. API Gateway picks the most specific route, so a public route wins over the greedy one.
 */
public class HttpApiFront extends Construct {
    /** Open without a token: the SLA preview (shown before a citizen signs in), health, and the OpenAPI document. */
    public static final List<String> PUBLIC_ROUTES = DeployNames.PUBLIC_ROUTES;
    /** Everything else, for citizens, staff and operators alike; roles are checked in the api itself. */
    public static final String AUTHORIZED_ROUTE = "ANY /{proxy+}";

    /** HTTP API context variables only (REST API variables are rejected); the subject ties a request to a user. */
    private static final String ACCESS_LOG_FORMAT = """
            {"requestId":"$context.requestId","ip":"$context.identity.sourceIp",\
            "requestTime":"$context.requestTime","routeKey":"$context.routeKey","path":"$context.path",\
            "status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength",\
            "latencyMs":"$context.responseLatency","integrationLatencyMs":"$context.integrationLatency",\
            "integrationError":"$context.integrationErrorMessage","authorizerError":"$context.authorizer.error",\
            "subject":"$context.authorizer.claims.sub"}""";

    private final HttpApi httpApi;
    private final HttpStage stage;

    public HttpApiFront(Construct scope, String id, IFunction api, String jwtIssuer, List<String> jwtAudience,
            StackConfig.ApiThrottle throttle) {
        super(scope, id);
        httpApi = HttpApi.Builder.create(this, "Api")
                .description("Citizen feedback API")
                .createDefaultStage(false)
                .build();
        // China's Cybersecurity Law asks network operators to keep access logs for at least six months
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(RetentionDays.SIX_MONTHS).build();
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(httpApi)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(throttle.rateLimit()).burstLimit(throttle.burstLimit()).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();

        HttpLambdaIntegration integration = new HttpLambdaIntegration("ApiFunction", api);
        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder.create("JwtAuthorizer", jwtIssuer)
                .jwtAudience(jwtAudience)
                .build();
        addRoute(httpApi, AUTHORIZED_ROUTE, integration, authorizer);
        Map<String, Object> publicLimits = new LinkedHashMap<>();
        for (String routeKey : PUBLIC_ROUTES) {
            // route settings name existing routes, so the stage waits for them
            stage.getNode().addDependency(addRoute(httpApi, routeKey, integration, new HttpNoneAuthorizer()));
            // RouteSettings is a JSON property: CDK would keep a struct's camelCase names, CloudFormation wants these
            publicLimits.put(routeKey, Map.of("ThrottlingRateLimit", throttle.publicRateLimit(),
                    "ThrottlingBurstLimit", throttle.publicBurstLimit()));
        }
        ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(publicLimits);
    }

    public String url() {
        return stage.getUrl();
    }

    /** The API's host name ({id}.execute-api.{region}.amazonaws.com), for a CloudFront origin. */
    public String domainName() {
        return Fn.select(2, Fn.split("/", httpApi.getApiEndpoint()));
    }

    private static HttpRoute addRoute(HttpApi httpApi, String routeKey, HttpLambdaIntegration integration,
            IHttpRouteAuthorizer authorizer) {
        String[] methodAndPath = routeKey.split(" ", 2);
        return httpApi.addRoutes(AddRoutesOptions.builder()
                .methods(List.of(HttpMethod.valueOf(methodAndPath[0])))
                .path(methodAndPath[1])
                .integration(integration)
                .authorizer(authorizer)
                .build()).get(0);
    }
}
