package com.govfeedback.feedback.sweep;

/**
 * The one custom metric, named once for the sweep that publishes it and the stack that alarms on it: on every run
 * (also when it is 0) the number of overdue items the run found and could not handle, with no dimensions.
 */
public final class SweepMetric {
    public static final String NAMESPACE = "GovFeedback";
    public static final String OVERDUE_UNHANDLED = "OverdueUnhandled";

    private SweepMetric() {
    }
}
