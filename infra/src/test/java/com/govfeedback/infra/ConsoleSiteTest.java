package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's static site (private bucket, CloudFront with origin access control, strict headers) and staff sign-in. */
class ConsoleSiteTest {
    private static final StackFixture.Synthesized SYNTHESIZED = StackFixture.allFunctions();
    private static final TemplateView VIEW = new TemplateView(SYNTHESIZED.template());

    @Test
    void bucketIsPrivateAndReadableOnlyByTheDistribution() {
        Map<String, Object> bucket = VIEW.properties("AWS::S3::Bucket", "ConsoleFiles");
        assertThat(bucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        String policy = TemplateView.render(VIEW.properties("AWS::S3::BucketPolicy", "ConsoleFilesPolicy"));
        assertThat(policy).contains("Principal={Service=cloudfront.amazonaws.com}")
                .contains("Action=s3:GetObject")
                .contains("AWS:SourceArn=arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/ConsoleDistribution")
                .contains("aws:SecureTransport=false") // and plain HTTP is denied to everyone
                .doesNotContain("Principal=*, Resource");
        Map<String, Object> accessControl = VIEW.properties("AWS::CloudFront::OriginAccessControl",
                "ConsoleDistributionOrigin2S3OriginAccessControl");
        assertThat(TemplateView.render(accessControl)).contains("OriginAccessControlOriginType=s3")
                .contains("SigningBehavior=always").contains("SigningProtocol=sigv4");
    }

    @Test
    void consoleFilesAreServedAtConsoleAndEverythingElseGoesToTheApiUncached() {
        String distribution = TemplateView.render(VIEW.properties("AWS::CloudFront::Distribution", "ConsoleDistribution"));
        assertThat(distribution)
                .contains("PathPattern=/console/*")
                .contains("ViewerProtocolPolicy=redirect-to-https")
                .contains("OriginAccessControlId=ConsoleDistributionOrigin2S3OriginAccessControl.Id")
                // the API's host name from its endpoint, https only, every method, the caching-disabled policy
                .contains("DomainName={Fn::Select=[2, {Fn::Split=[/, HttpApi.ApiEndpoint]}]}")
                .contains("OriginRequestPolicyId=b689b0a8-53d0-40ab-baf2-68738e2966ac")
                .contains("ViewerProtocolPolicy=https-only")
                .contains("AllowedMethods=[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]")
                .contains("CachePolicyId=4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    }

    @Test
    void responsesCarryAStrictContentSecurityPolicyAndSecurityHeaders() {
        Map<String, Object> policy = VIEW.properties("AWS::CloudFront::ResponseHeadersPolicy", "ConsoleSecurityHeaders");
        String rendered = TemplateView.render(policy);
        assertThat(rendered)
                .contains("ContentSecurityPolicy=default-src 'none'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self' data:; font-src 'self'; connect-src 'self' https://StaffSignInPoolHostedLogin"
                        + ".auth.${AWS::Region}.amazoncognito.com; form-action 'self'; frame-ancestors 'none'; "
                        + "base-uri 'none'; object-src 'none'; upgrade-insecure-requests")
                .contains("StrictTransportSecurity={AccessControlMaxAgeSec=63072000, IncludeSubdomains=true, Override=true}")
                .contains("FrameOptions={FrameOption=DENY, Override=true}")
                .contains("ReferrerPolicy={Override=true, ReferrerPolicy=no-referrer}")
                .contains("ContentTypeOptions={Override=true}")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void staffSignInIsAHostedLoginWithAPublicCodeFlowClientCallingBackToTheConsole() {
        Map<String, Object> pool = VIEW.properties("AWS::Cognito::UserPool", "StaffSignInPool");
        assertThat(pool).containsEntry("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true))
                .containsEntry("MfaConfiguration", "ON");
        assertThat(TemplateView.render(pool.get("Schema"))).contains("Name=dept");
        Map<String, Object> client = VIEW.properties("AWS::Cognito::UserPoolClient", "StaffSignInPoolConsole");
        assertThat(client).containsEntry("GenerateSecret", false)
                .containsEntry("AllowedOAuthFlows", List.of("code"))
                .containsEntry("AllowedOAuthFlowsUserPoolClient", true)
                .containsEntry("SupportedIdentityProviders", List.of("COGNITO"));
        String consoleUrl = "https://ConsoleDistribution.DomainName/console/";
        assertThat(TemplateView.render(client.get("CallbackURLs"))).isEqualTo(List.of(consoleUrl).toString());
        assertThat(TemplateView.render(client.get("LogoutURLs"))).isEqualTo(List.of(consoleUrl).toString());
        assertThat(SYNTHESIZED.template().findResources("AWS::Cognito::UserPoolGroup").values().stream()
                .map(group -> TemplateView.render(group.get("Properties"))))
                .containsExactlyInAnyOrder("{GroupName=staff, UserPoolId=StaffSignInPool}",
                        "{GroupName=supervisor, UserPoolId=StaffSignInPool}", "{GroupName=admin, UserPoolId=StaffSignInPool}",
                        "{GroupName=optimisation-office, UserPoolId=StaffSignInPool}");
    }

    @Test
    void staffSignInStrengthIsOneSettingForThePoolAndTheApi(@TempDir Path zips) {
        assertThat(VIEW.properties("AWS::Cognito::UserPool", "StaffSignInPool")).containsEntry("EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"));
        assertThat(TemplateView.render(VIEW.properties("AWS::Lambda::Function", "ApiFunction").get("Environment")))
                .contains("FEEDBACK_AUTH_STAFF_MFA=true");

        TemplateView without = new TemplateView(StackFixture.synth(zips, EnumSet.of(ServiceFunction.API), FunctionRuntime.NATIVE,
                Map.of("staffMfa", "false")).template());
        assertThat(without.properties("AWS::Cognito::UserPool", "StaffSignInPool")).containsEntry("MfaConfiguration", "OFF");
        assertThat(TemplateView.render(without.properties("AWS::Lambda::Function", "ApiFunction").get("Environment")))
                .contains("FEEDBACK_AUTH_STAFF_MFA=false");
    }

    @Test
    void apiAcceptsTheStaffPoolsTokensUnlessAnotherIssuerIsGiven() {
        String staffPool = "(IssuerIsStaffPool ? StaffSignInPool.ProviderURL : JwtIssuer)";
        assertThat(TemplateView.render(VIEW.properties("AWS::ApiGatewayV2::Authorizer", "HttpApiJwtAuthorizer")
                .get("JwtConfiguration")))
                .isEqualTo("{Audience=(IssuerIsStaffPool ? [StaffSignInPoolConsole] : JwtAudience), Issuer=" + staffPool + "}");
        assertThat(TemplateView.render(SYNTHESIZED.template().findConditions("*").get("IssuerIsStaffPool")))
                .isEqualTo("{Fn::Equals=[JwtIssuer, ]}");
    }

    @Test
    void consoleIsPublishedUnderConsoleWithItsSignInConfig() throws Exception {
        Map<String, Map<String, Object>> deployments = SYNTHESIZED.template().findResources("Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) deployments.values().iterator().next().get("Properties");
        assertThat(properties).containsEntry("DestinationBucketKeyPrefix", "console/")
                .containsEntry("DistributionPaths", List.of("/console/*"));
        String markers = new ObjectMapper().writeValueAsString(properties.get("SourceMarkers"));
        // config.json's values are the stack's: the client id, the pool, the hosted login, the console's address
        assertThat(markers).contains("StaffSignInPoolConsole").contains("StaffSignInPoolHostedLogin")
                .contains("ConsoleDistribution");
    }
}
