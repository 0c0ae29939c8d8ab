package com.govfeedback.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An independent transcription of the tables in the shared spec calendar.md, with a naive day-by-day counter.
 * Tests compare the product's data files and its calculator against it.
 */
final class OfficialCalendar {
    record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> extraWorkingDays) {
        static Holiday of(String name, String from, String to, String... extra) {
            return new Holiday(name, LocalDate.parse(from), LocalDate.parse(to),
                    java.util.Arrays.stream(extra).map(LocalDate::parse).toList());
        }

        @Override
        public String toString() {
            return from.getYear() + " " + name;
        }
    }

    static final List<Holiday> HOLIDAYS = List.of(
            Holiday.of("元旦", "2025-01-01", "2025-01-01"),
            Holiday.of("春节", "2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08"),
            Holiday.of("清明节", "2025-04-04", "2025-04-06"),
            Holiday.of("劳动节", "2025-05-01", "2025-05-05", "2025-04-27"),
            Holiday.of("端午节", "2025-05-31", "2025-06-02"),
            Holiday.of("国庆节、中秋节", "2025-10-01", "2025-10-08", "2025-09-28", "2025-10-11"),
            Holiday.of("元旦", "2026-01-01", "2026-01-03", "2026-01-04"),
            Holiday.of("春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28"),
            Holiday.of("清明节", "2026-04-04", "2026-04-06"),
            Holiday.of("劳动节", "2026-05-01", "2026-05-05", "2026-05-09"),
            Holiday.of("端午节", "2026-06-19", "2026-06-21"),
            Holiday.of("中秋节", "2026-09-25", "2026-09-27"),
            Holiday.of("国庆节", "2026-10-01", "2026-10-07", "2026-09-20", "2026-10-10"));

    private static final Set<LocalDate> DAYS_OFF = new HashSet<>();
    private static final Set<LocalDate> EXTRA_WORKING = new HashSet<>();

    static {
        for (Holiday holiday : HOLIDAYS) {
            holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(DAYS_OFF::add);
            EXTRA_WORKING.addAll(holiday.extraWorkingDays());
        }
    }

    private OfficialCalendar() {
    }

    /** Working day by the spec's definition; years other than 2025–2026 count Monday–Friday. */
    static boolean isWorkingDay(LocalDate day) {
        if (EXTRA_WORKING.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !DAYS_OFF.contains(day);
    }

    /** The Nth working day counted from the day after {@code submitted}. */
    static LocalDate nthWorkingDayAfter(LocalDate submitted, int n) {
        LocalDate day = submitted;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    static LocalDate previousWorkingDay(LocalDate day) {
        LocalDate before = day.minusDays(1);
        while (!isWorkingDay(before)) {
            before = before.minusDays(1);
        }
        return before;
    }

    static boolean isDayOff(LocalDate day) {
        return DAYS_OFF.contains(day);
    }
}
