package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The sweep runs every minute without retries; the notifier reads the stream with bounded, reported failures. */
class TriggersTest {
    private static final StackFixture.Synthesized SYNTHESIZED = StackFixture.allFunctions();
    private static final TemplateView VIEW = new TemplateView(SYNTHESIZED.template());

    @Test
    void sweepRunsEveryMinuteAndALateOrFailedRunIsNotRetried() {
        Map<String, Object> rule = VIEW.properties("AWS::Events::Rule", "SweepSchedule");
        assertThat(rule).containsEntry("ScheduleExpression", "rate(1 minute)").containsEntry("State", "ENABLED");
        assertThat(TemplateView.render(rule.get("Targets"))).isEqualTo(
                "[{Arn=SweepFunction, Id=Target0, RetryPolicy={MaximumEventAgeInSeconds=60, MaximumRetryAttempts=0}}]");
        assertThat(SYNTHESIZED.template().findResources("AWS::Lambda::EventInvokeConfig")).hasSize(1);
        assertThat(TemplateView.render(SYNTHESIZED.template().findResources("AWS::Lambda::EventInvokeConfig")
                .values().iterator().next().get("Properties")))
                .isEqualTo("{FunctionName=SweepFunction, MaximumEventAgeInSeconds=60, MaximumRetryAttempts=0, "
                        + "Qualifier=$LATEST}");
    }

    @Test
    void notifierReadsTheStreamReportingItemFailuresBisectingAndGivingUpToTheDeadLetterQueue() {
        Map<String, Map<String, Object>> mappings = SYNTHESIZED.template().findResources("AWS::Lambda::EventSourceMapping");
        assertThat(mappings).hasSize(1);
        assertThat(TemplateView.render(mappings.values().iterator().next().get("Properties"))).isEqualTo(
                "{BatchSize=25, BisectBatchOnFunctionError=true, "
                        + "DestinationConfig={OnFailure={Destination=NotifierDeadLetters}}, "
                        + "EventSourceArn=FeedbackTable.StreamArn, FunctionName=NotifierFunction, "
                        + "FunctionResponseTypes=[ReportBatchItemFailures], MaximumRecordAgeInSeconds=3600, "
                        + "MaximumRetryAttempts=5, ParallelizationFactor=1, StartingPosition=TRIM_HORIZON}");
    }

    @Test
    void onlyTheApiGatewayAndTheScheduleMayInvokeFunctions() {
        List<String> invokers = SYNTHESIZED.template().findResources("AWS::Lambda::Permission").values().stream()
                .map(permission -> TemplateView.render(((Map<?, ?>) permission.get("Properties")).get("Principal"))
                        + " -> " + TemplateView.render(((Map<?, ?>) permission.get("Properties")).get("FunctionName")))
                .toList();
        assertThat(invokers).containsOnly("apigateway.amazonaws.com -> ApiFunction", "events.amazonaws.com -> SweepFunction");
    }
}
