package com.govfeedback.improvement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.govfeedback.sla.CityZone;

/**
 * Request-to-release lead time: from the earliest linked feedback (or the improvement's creation) to its release, in
 * days, and the median per quarter of release (Beijing time quarters, {@code 2026-Q4}).
 */
public final class LeadTimes {

    private LeadTimes() {
    }

    public record LeadTime(String improvementId, Instant requestedAt, Instant releasedAt, double days) {
    }

    public record Quarter(String quarter, int released, double medianDays) {
    }

    public static LeadTime of(Improvement improvement) {
        Instant released = improvement.release().releasedAt();
        double days = Math.round(Duration.between(improvement.requestedAt(), released).toMinutes() / 144.0) / 10.0;
        return new LeadTime(improvement.id(), improvement.requestedAt(), released, days);
    }

    public static String quarterOf(Instant at) {
        ZonedDateTime local = at.atZone(CityZone.ZONE);
        return local.getYear() + "-Q" + ((local.getMonthValue() - 1) / 3 + 1);
    }

    /** The median lead time of each quarter with releases, oldest quarter first. */
    public static List<Quarter> medianPerQuarter(List<LeadTime> leadTimes) {
        Map<String, List<Double>> byQuarter = new TreeMap<>();
        for (LeadTime leadTime : leadTimes) {
            byQuarter.computeIfAbsent(quarterOf(leadTime.releasedAt()), q -> new ArrayList<>()).add(leadTime.days());
        }
        List<Quarter> quarters = new ArrayList<>();
        byQuarter.forEach((quarter, days) -> quarters.add(new Quarter(quarter, days.size(), median(days))));
        return quarters;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
