package com.govfeedback.sla;

import static com.govfeedback.sla.SlaFixtures.CALCULATOR;
import static com.govfeedback.sla.SlaFixtures.SHANGHAI;
import static com.govfeedback.sla.SlaFixtures.at;
import static com.govfeedback.sla.SlaFixtures.endOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadlineCalculatorTest {
    private static final Window SEVEN_WORKING_DAYS = Window.workingDays(7);

    @Test
    void workedExampleOrdinaryWeeks() {
        Deadline due = CALCULATOR.dueAt(at("2026-03-02T10:00"), SEVEN_WORKING_DAYS);
        assertThat(due.at()).isEqualTo(endOf("2026-03-11"));
        assertThat(due.calendarKnown()).isTrue();
    }

    @Test
    void workedExampleAcrossMidAutumnAndNationalDayWithAnAdjustedSaturday() {
        assertThat(CALCULATOR.dueAt(at("2026-09-24T16:00"), SEVEN_WORKING_DAYS).at()).isEqualTo(endOf("2026-10-12"));
    }

    @Test
    void workedExampleSpringFestivalStartingOnAnAdjustedSaturday() {
        assertThat(CALCULATOR.dueAt(at("2026-02-13T09:00"), SEVEN_WORKING_DAYS).at()).isEqualTo(endOf("2026-03-02"));
    }

    @Test
    void twentyFourHundredIsTheNextDaysMidnightInShanghai() {
        Instant due = CALCULATOR.dueAt(at("2026-03-02T10:00"), SEVEN_WORKING_DAYS).at();
        assertThat(due.atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.parse("2026-03-12"));
        assertThat(due.atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(due).isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
    }

    @Test
    void submittedAtOneSecondBeforeMidnightCountsFromTheNextDay() {
        assertThat(CALCULATOR.dueAt(at("2026-03-02T23:59:59"), SEVEN_WORKING_DAYS).at()).isEqualTo(endOf("2026-03-11"));
    }

    @Test
    void submittedAtMidnightBelongsToTheNewDay() {
        // 00:00 of Tue 03-03 is Tuesday's submission: counting starts Wednesday, so one day later than Monday's
        assertThat(CALCULATOR.dueAt(at("2026-03-03T00:00"), SEVEN_WORKING_DAYS).at()).isEqualTo(endOf("2026-03-12"));
        assertThat(CALCULATOR.dueAt(at("2026-03-03T00:00:00").minusNanos(1), SEVEN_WORKING_DAYS).at())
                .isEqualTo(endOf("2026-03-11"));
    }

    @Test
    void submittedOnADayOffCountsFromTheNextWorkingDay() {
        // Sat 2026-10-03 (国庆节) → 10-08, 09, 10 (Sat 调休), 12, 13, 14, 15
        assertThat(CALCULATOR.dueAt(at("2026-10-03T11:00"), SEVEN_WORKING_DAYS).at()).isEqualTo(endOf("2026-10-15"));
    }

    @Test
    void submittedOnAnAdjustedWorkingSundayCountsFromMonday() {
        // Sun 2026-09-20 is a working day; the count still starts the day after: 21, 22, 23, 24, 28, 29, 30
        assertThat(CALCULATOR.dueAt(at("2026-09-20T15:00"), SEVEN_WORKING_DAYS).at()).isEqualTo(endOf("2026-09-30"));
    }

    @Test
    void hourWindowsAreCalendarHoursAcrossMidnight() {
        assertThat(CALCULATOR.dueAt(at("2026-03-02T23:30"), Window.hours(2)).at()).isEqualTo(at("2026-03-03T01:30"));
        assertThat(CALCULATOR.dueAt(at("2026-03-02T23:30"), Window.hours(24)).at()).isEqualTo(at("2026-03-03T23:30"));
    }

    @Test
    void hourWindowsIgnoreHolidays() {
        // ORANGE resolve 24h submitted on the eve of 国庆节; YELLOW 72h across 春节
        assertThat(CALCULATOR.dueAt(at("2026-09-30T20:00"), Window.hours(24)).at()).isEqualTo(at("2026-10-01T20:00"));
        assertThat(CALCULATOR.dueAt(at("2026-02-14T18:00"), Window.hours(72)).at()).isEqualTo(at("2026-02-17T18:00"));
    }

    @ParameterizedTest(name = "{0}: submitted {1}")
    @MethodSource("aroundEveryHoliday")
    void sevenWorkingDaysAroundEveryHolidayOf2025And2026(OfficialCalendar.Holiday holiday, LocalDate submitted) {
        Deadline due = CALCULATOR.dueAt(submitted.atTime(14, 30).atZone(SHANGHAI).toInstant(), SEVEN_WORKING_DAYS);
        LocalDate lastDay = OfficialCalendar.nthWorkingDayAfter(submitted, 7);
        assertThat(due.at()).isEqualTo(endOf(lastDay));
        assertThat(due.calendarKnown()).isTrue();
        assertThat(lastDay).isAfter(holiday.to());
    }

    /** For each holiday: the working day before it, a day in the middle of it, and its last day. */
    static Stream<Arguments> aroundEveryHoliday() {
        return OfficialCalendar.HOLIDAYS.stream().flatMap(holiday -> Stream.of(
                Arguments.of(holiday, OfficialCalendar.previousWorkingDay(holiday.from())),
                Arguments.of(holiday, holiday.from().plusDays(holiday.from().until(holiday.to()).getDays() / 2)),
                Arguments.of(holiday, holiday.to())));
    }

    @Test
    void aDeadlineRunningInto2027FallsBackToMondayToFridayAndSaysSo() {
        // Mon 2026-12-28 → 29, 30, 31, then 2027 without a file: Fri 01-01 counts as a working day, 04, 05, 06
        Deadline due = CALCULATOR.dueAt(at("2026-12-28T10:00"), SEVEN_WORKING_DAYS);
        assertThat(due.at()).isEqualTo(endOf(OfficialCalendar.nthWorkingDayAfter(LocalDate.parse("2026-12-28"), 7)));
        assertThat(due.at()).isEqualTo(endOf("2027-01-06"));
        assertThat(due.calendarKnown()).isFalse();
    }

    @Test
    void aDeadlineEndingAtTheLastKnownMidnightIsStillKnown() {
        // 7th working day is Thu 2026-12-31: due 2027-01-01 00:00, which is still "24:00 of a 2026 day"
        Deadline due = CALCULATOR.dueAt(at("2026-12-21T10:00"), SEVEN_WORKING_DAYS);
        assertThat(due.at()).isEqualTo(endOf("2026-12-30"));
        Deadline lastDay = CALCULATOR.dueAt(at("2026-12-22T10:00"), SEVEN_WORKING_DAYS);
        assertThat(lastDay.at()).isEqualTo(endOf("2026-12-31"));
        assertThat(lastDay.calendarKnown()).as("Jan 1 00:00 is 24:00 of Dec 31").isTrue();
    }

    @Test
    void hourDeadlinesNeverDependOnTheCalendar() {
        assertThat(CALCULATOR.dueAt(at("2027-06-01T10:00"), Window.hours(48)).calendarKnown()).isTrue();
    }
}
