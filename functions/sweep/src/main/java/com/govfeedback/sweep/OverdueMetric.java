package com.govfeedback.sweep;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.govfeedback.feedback.sweep.SweepMetric;
import com.govfeedback.feedback.sweep.SweepReport;
import com.govfeedback.shared.Json;

/**
 * The {@code OverdueUnhandled} data point as a CloudWatch Embedded Metric Format line: CloudWatch Logs turns the log
 * line into the metric, so the function needs no SDK call and no IAM action for it. No dimensions (the alarm's metric
 * has none); the run's other counts ride along as properties for Logs Insights.
 */
final class OverdueMetric {
    private OverdueMetric() {
    }

    static String line(SweepReport report, Instant at) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", SweepMetric.NAMESPACE);
        directive.putArray("Dimensions").addArray();
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", SweepMetric.OVERDUE_UNHANDLED).put("Unit", "Count");
        root.put(SweepMetric.OVERDUE_UNHANDLED, report.overdueUnhandled());
        for (Map.Entry<String, Object> count : report.asMap().entrySet()) {
            root.set(count.getKey(), Json.mapper().valueToTree(count.getValue()));
        }
        return root.toString();
    }
}
