package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.govfeedback.feedback.sweep.SweepMetric;

/** Alarms on dead letters, each function's errors and throttles, and overdue items left unhandled; all notify operators. */
class AlarmsTest {
    private static final StackFixture.Synthesized SYNTHESIZED = StackFixture.allFunctions();

    /** Alarm construct id → "namespace metric statistic period dimensions threshold periods missing-data actions". */
    private static Map<String, String> alarms(StackFixture.Synthesized stack) {
        Map<String, String> alarms = new TreeMap<>();
        stack.template().findResources("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            Map<?, ?> p = (Map<?, ?>) alarm.get("Properties");
            alarms.put(TemplateView.constructIdOf(id), String.join(" ", p.get("Namespace").toString(),
                    p.get("MetricName").toString(), p.get("Statistic").toString(), p.get("Period").toString(),
                    TemplateView.render(p.get("Dimensions")), p.get("ComparisonOperator").toString(),
                    p.get("Threshold").toString(), p.get("EvaluationPeriods") + "/" + p.get("DatapointsToAlarm"),
                    p.get("TreatMissingData").toString(), TemplateView.render(p.get("AlarmActions"))));
        });
        return alarms;
    }

    @Test
    void everyAlarmTheServiceNeedsIsThereAndGoesToTheAlarmTopic() {
        String onceIn5Min = " GreaterThanOrEqualToThreshold 1 1/1 notBreaching [AlarmTopic]";
        assertThat(alarms(SYNTHESIZED)).isEqualTo(Map.of(
                "ApiErrorsAlarm", "AWS/Lambda Errors Sum 300 [{Name=FunctionName, Value=ApiFunction}]" + onceIn5Min,
                "ApiThrottlesAlarm", "AWS/Lambda Throttles Sum 300 [{Name=FunctionName, Value=ApiFunction}]" + onceIn5Min,
                "SweepErrorsAlarm", "AWS/Lambda Errors Sum 300 [{Name=FunctionName, Value=SweepFunction}]" + onceIn5Min,
                "SweepThrottlesAlarm", "AWS/Lambda Throttles Sum 300 [{Name=FunctionName, Value=SweepFunction}]" + onceIn5Min,
                "NotifierErrorsAlarm", "AWS/Lambda Errors Sum 300 [{Name=FunctionName, Value=NotifierFunction}]" + onceIn5Min,
                "NotifierThrottlesAlarm",
                "AWS/Lambda Throttles Sum 300 [{Name=FunctionName, Value=NotifierFunction}]" + onceIn5Min,
                "NotifierDeadLettersAlarm", "AWS/SQS ApproximateNumberOfMessagesVisible Maximum 60 "
                        + "[{Name=QueueName, Value=NotifierDeadLetters.QueueName}] GreaterThanOrEqualToThreshold 1 1/1 "
                        + "notBreaching [AlarmTopic]",
                // no dimensions, and silence counts as breaching: a sweep that stopped reporting handles nothing
                "OverdueUnhandledAlarm", "GovFeedback OverdueUnhandled Maximum 60 null GreaterThanOrEqualToThreshold 1 "
                        + "5/5 breaching [AlarmTopic]"));
    }

    @Test
    void theSweepMetricNameIsTheDocumentedOne() {
        assertThat(List.of(SweepMetric.NAMESPACE, SweepMetric.OVERDUE_UNHANDLED))
                .containsExactly("GovFeedback", "OverdueUnhandled");
    }

    @Test
    void anAlarmEmailFromContextIsSubscribedToTheAlarmTopic(@TempDir Path otherZips) {
        StackFixture.Synthesized withEmail = StackFixture.synth(otherZips, EnumSet.of(ServiceFunction.API),
                FunctionRuntime.NATIVE, Map.of("alarmEmail", "ops@example.gov.cn"));
        assertThat(withEmail.template().findResources("AWS::SNS::Subscription").values())
                .extracting(subscription -> TemplateView.render(subscription.get("Properties")))
                .containsExactly("{Endpoint=ops@example.gov.cn, Protocol=email, TopicArn=AlarmTopic}");
        assertThat(SYNTHESIZED.template().findResources("AWS::SNS::Subscription")).isEmpty();
    }
}
