package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.assertions.Match;

/** A function whose zip is missing is left out with its triggers, permissions and alarms, and the stack says so. */
class MissingFunctionsTest {
    @TempDir
    static Path zips;
    static StackFixture.Synthesized apiOnly;

    @BeforeAll
    static void synth() {
        apiOnly = StackFixture.synth(zips, EnumSet.of(ServiceFunction.API), FunctionRuntime.NATIVE, Map.of());
    }

    @Test
    void withoutSweepAndNotifierTheirWiringIsLeftOutAndTheRestStays() {
        var template = apiOnly.template();
        assertThat(StackFixture.serviceResources(template, "AWS::Lambda::Function")).hasSize(1);
        template.resourceCountIs("AWS::Events::Rule", 0);
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 0);
        template.resourceCountIs("AWS::SQS::Queue", 0);
        template.resourceCountIs("AWS::Logs::MetricFilter", 0);
        assertThat(StackFixture.serviceResources(template, "AWS::IAM::Role")).hasSize(1);
        assertThat(template.findResources("AWS::CloudWatch::Alarm").keySet())
                .extracting(TemplateView::constructIdOf)
                .containsExactlyInAnyOrder("ApiErrorsAlarm", "ApiThrottlesAlarm");
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    }

    @Test
    void eachMissingFunctionIsAWarningAndAnOutput() {
        apiOnly.annotations().hasWarning("*", Match.stringLikeRegexp(
                "sweep function not deployed: .*sweep-function.zip does not exist.*"));
        apiOnly.annotations().hasWarning("*", Match.stringLikeRegexp(
                "notifier function not deployed: .*notifier-function.zip does not exist.*"));
        Map<String, Map<String, Object>> outputs = apiOnly.template().findOutputs("*");
        assertThat(outputs).containsOnlyKeys("ApiUrl", "ConsoleUrl", "TableName", "NotificationTopicArn", "AlarmTopicArn",
                "AuditAnchorBucketName", "SweepFunctionMissing", "NotifierFunctionMissing");
        assertThat(outputs.get("SweepFunctionMissing").get("Value").toString())
                .contains("sweep-function.zip does not exist");
    }

    @Test
    void withoutTheApiThereIsNoHttpApiButTheDataStays(@TempDir Path emptyDir) {
        StackFixture.Synthesized none = StackFixture.synth(emptyDir, EnumSet.noneOf(ServiceFunction.class),
                FunctionRuntime.NATIVE, Map.of());
        assertThat(StackFixture.serviceResources(none.template(), "AWS::Lambda::Function")).hasSize(0);
        none.template().resourceCountIs("AWS::ApiGatewayV2::Api", 0);
        assertThat(StackFixture.serviceResources(none.template(), "AWS::IAM::Policy")).hasSize(0);
        none.template().resourceCountIs("AWS::DynamoDB::Table", 1);
        // the data key, and the contact key that still opens the callback phones already stored
        none.template().resourceCountIs("AWS::KMS::Key", 2);
        none.template().resourceCountIs("AWS::S3::Bucket", 2);
        assertThat(none.template().findOutputs("*")).containsOnlyKeys("ConsoleUrl", "TableName", "NotificationTopicArn",
                "AlarmTopicArn", "AuditAnchorBucketName", "ApiFunctionMissing", "SweepFunctionMissing", "NotifierFunctionMissing");
        none.annotations().hasWarning("*", Match.stringLikeRegexp("api function not deployed: .*"));
    }

    @Test
    void withAllFunctionsThereIsNoMissingWarning() {
        StackFixture.allFunctions().annotations().hasNoWarning("*", Match.stringLikeRegexp(".*function not deployed.*"));
    }
}
