package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.assertions.Match;

/** Runtime (native by default, JVM by context), sizing, environment and log retention of each function. */
class FunctionsTest {
    private static final String NATIVE_HANDLER = "not.used.in.provided.runtime";
    private static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private static final TemplateView NATIVE_VIEW = new TemplateView(StackFixture.allFunctions().template());

    @Test
    void nativeIsTheDefaultOnArm() {
        for (String function : List.of("ApiFunction", "SweepFunction", "NotifierFunction")) {
            assertThat(NATIVE_VIEW.properties("AWS::Lambda::Function", function))
                    .containsEntry("Runtime", "provided.al2023")
                    .containsEntry("Handler", NATIVE_HANDLER)
                    .containsEntry("Architectures", List.of("arm64"));
        }
    }

    @Test
    void eachFunctionHasItsOwnMemoryTimeoutConcurrencyAndLogRetention() {
        assertSized(NATIVE_VIEW, "Api", 512, 15, 50, 30);
        assertSized(NATIVE_VIEW, "Sweep", 512, 50, 2, 14);
        assertSized(NATIVE_VIEW, "Notifier", 256, 60, 10, 30);
    }

    @Test
    void environmentIsExactlyTheTypedConfig() {
        assertThat(environment(NATIVE_VIEW, "ApiFunction")).isEqualTo(
                "{DISABLE_SIGNAL_HANDLERS=true, "
                        + "FEEDBACK_AUTH_DEPARTMENT_CLAIM=(IssuerIsStaffPool ? custom:dept : dept), FEEDBACK_AUTH_STAFF_MFA=true, "
                        + "FEEDBACK_CONTACT_KMS_KEY_ARN=ContactKey, FEEDBACK_TABLE_NAME=FeedbackTable, "
                        + "MP_JWT_VERIFY_AUDIENCES=(IssuerIsStaffPool ? [StaffSignInPoolConsole] : JwtAudience), "
                        + "MP_JWT_VERIFY_ISSUER=(IssuerIsStaffPool ? StaffSignInPool.ProviderURL : JwtIssuer), "
                        + "MP_JWT_VERIFY_PUBLICKEY_LOCATION=(IssuerIsStaffPool ? StaffSignInPool.ProviderURL : JwtIssuer)"
                        + "/.well-known/jwks.json, SMALLRYE_JWT_PATH_GROUPS=(IssuerIsStaffPool ? \"cognito:groups\" : groups)}");
        assertThat(environment(NATIVE_VIEW, "SweepFunction")).isEqualTo(
                "{DISABLE_SIGNAL_HANDLERS=true, FEEDBACK_AUDIT_ANCHOR_BUCKET=AuditAnchors, FEEDBACK_TABLE_NAME=FeedbackTable, "
                        + "QUARKUS_LAMBDA_HANDLER=sweep}");
        assertThat(environment(NATIVE_VIEW, "NotifierFunction")).isEqualTo(
                "{DISABLE_SIGNAL_HANDLERS=true, FEEDBACK_NOTIFY_TOPIC_ARN=NotificationTopic, "
                        + "FEEDBACK_TABLE_NAME=FeedbackTable, QUARKUS_LAMBDA_HANDLER=notifier}");
    }

    @Test
    void jvmContextSwitchesToJava21WithQuarkusStreamHandlerAndMoreMemory(@TempDir Path jvmZips) {
        TemplateView jvm = new TemplateView(StackFixture.synth(jvmZips, EnumSet.allOf(ServiceFunction.class),
                FunctionRuntime.JVM, Map.of("runtime", "jvm")).template());
        for (String function : List.of("Api", "Sweep", "Notifier")) {
            Map<String, Object> properties = jvm.properties("AWS::Lambda::Function", function + "Function");
            assertThat(properties).containsEntry("Runtime", "java21").containsEntry("Handler", JVM_HANDLER)
                    .containsEntry("MemorySize", 1024);
            assertThat(environment(jvm, function + "Function")).doesNotContain("DISABLE_SIGNAL_HANDLERS");
        }
        assertThat(environment(jvm, "SweepFunction")).contains("QUARKUS_LAMBDA_HANDLER=sweep");
    }

    @Test
    void aZipBuiltForTheOtherRuntimeStopsTheSynthWithAnError(@TempDir Path jvmZips) {
        StackFixture.Synthesized mismatched = StackFixture.synth(jvmZips, EnumSet.of(ServiceFunction.API),
                FunctionRuntime.JVM, Map.of());
        mismatched.annotations().hasError("*",
                Match.stringLikeRegexp("api: .*api-function.zip is a JVM build but the stack is set for NATIVE.*runtime=jvm"));
    }

    @Test
    void architectureAndConcurrencyReservationFollowContext(@TempDir Path otherZips) {
        TemplateView x86 = new TemplateView(StackFixture.synth(otherZips, EnumSet.of(ServiceFunction.API),
                FunctionRuntime.NATIVE, Map.of("architecture", "x86_64", "reserveConcurrency", "false")).template());
        assertThat(x86.properties("AWS::Lambda::Function", "ApiFunction"))
                .containsEntry("Architectures", List.of("x86_64"))
                .doesNotContainKey("ReservedConcurrentExecutions");
    }

    private static void assertSized(TemplateView VIEW, String function, int memoryMb, int timeoutSeconds,
            int reservedConcurrency, int logDays) {
        assertThat(VIEW.properties("AWS::Lambda::Function", function + "Function"))
                .containsEntry("MemorySize", memoryMb)
                .containsEntry("Timeout", timeoutSeconds)
                .containsEntry("ReservedConcurrentExecutions", reservedConcurrency);
        assertThat(TemplateView.render(VIEW.properties("AWS::Lambda::Function", function + "Function")
                .get("LoggingConfig"))).isEqualTo("{LogGroup=" + function + "Logs}");
        assertThat(VIEW.properties("AWS::Logs::LogGroup", function + "Logs")).containsEntry("RetentionInDays", logDays);
    }

    private static String environment(TemplateView VIEW, String function) {
        return TemplateView.render(VIEW.properties("AWS::Lambda::Function", function).get("Environment"))
                .replaceFirst("^\\{Variables=(.*)}$", "$1");
    }
}
