package com.govfeedback.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The shipped policy and calendar, loaded once, and the services built on them, as the application wires them. */
public final class SlaFixtures {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final SlaPolicy POLICY = SlaPolicy.loadDefault();
    public static final WorkingCalendar CALENDAR = WorkingCalendar.loadDefault();
    public static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(CALENDAR);
    public static final SlaClocks CLOCKS = new SlaClocks(POLICY, CALCULATOR);
    public static final SlaTimers TIMERS = new SlaTimers(POLICY, CLOCKS, CALCULATOR);

    private SlaFixtures() {
    }

    /** A Shanghai wall-clock time such as {@code 2026-03-02T10:00}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** 24:00 of the day in Shanghai, i.e. 00:00 of the next day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    }

    public static Instant endOf(String day) {
        return endOf(LocalDate.parse(day));
    }
}
