package com.govfeedback.infra;

/**
 * The one custom metric: the sweep publishes, on every run (also when it is 0), how many overdue items it found and
 * could not handle in that run, with no dimensions. A missing data point counts as breaching: no sweep, no handling.
 */
public final class SweepMetric {
    public static final String NAMESPACE = "GovFeedback";
    public static final String OVERDUE_UNHANDLED = "OverdueUnhandled";

    private SweepMetric() {
    }
}
