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
import com.govfeedback.notify.NotificationDelivery;

/**
 * Alarms on dead letters, dead notifications, each function's errors and throttles, and overdue items left unhandled;
 * all notify operators.
 */
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
                        + "5/5 breaching [AlarmTopic]",
                // any notification given up on, by the notifier or by the sweep's re-drive, within 5 minutes
                "NotificationsDeadAlarm", "GovFeedback NotificationsDead Sum 300 null" + onceIn5Min));
    }

    /** Metric filter construct id → "log group | pattern | namespace metric = value". */
    private static Map<String, String> metricFilters(StackFixture.Synthesized stack) {
        Map<String, String> filters = new TreeMap<>();
        stack.template().findResources("AWS::Logs::MetricFilter").forEach((id, filter) -> {
            Map<?, ?> p = (Map<?, ?>) filter.get("Properties");
            filters.put(TemplateView.constructIdOf(id), TemplateView.render(p.get("LogGroupName")) + " | "
                    + p.get("FilterPattern") + " | " + TemplateView.render(p.get("MetricTransformations")));
        });
        return filters;
    }

    @Test
    void deadNotificationsAreCountedFromTheNotifierMarkerAndTheSweepCount() {
        assertThat(NotificationDelivery.DEAD_MARKER).isEqualTo("NOTIFICATION_DEAD");
        assertThat(metricFilters(SYNTHESIZED)).isEqualTo(Map.of(
                "NotifierNotificationsDead", "NotifierLogs | \"NOTIFICATION_DEAD\" | "
                        + "[{MetricName=NotificationsDead, MetricNamespace=GovFeedback, MetricValue=1}]",
                "SweepNotificationsDead", "SweepLogs | { $.dead >= 1 } | "
                        + "[{MetricName=NotificationsDead, MetricNamespace=GovFeedback, MetricValue=$.dead}]"));
    }

    @Test
    void theNotifierAloneStillAlarmsOnItsDeadNotifications(@TempDir Path notifierOnlyZips) {
        StackFixture.Synthesized notifierOnly = StackFixture.synth(notifierOnlyZips, EnumSet.of(ServiceFunction.NOTIFIER),
                FunctionRuntime.NATIVE, Map.of());
        assertThat(metricFilters(notifierOnly)).containsOnlyKeys("NotifierNotificationsDead");
        assertThat(alarms(notifierOnly)).containsKey("NotificationsDeadAlarm");
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
