package com.govfeedback.sla;

import static com.govfeedback.sla.SlaFixtures.CALENDAR;
import static com.govfeedback.sla.SlaFixtures.at;
import static com.govfeedback.sla.SlaFixtures.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCalendarTest {

    @Test
    void shippedFilesMatchTheSpecDayForDayIn2025And2026() {
        assertThat(CALENDAR.knownYears()).containsExactly(2025, 2026);
        LocalDate.parse("2025-01-01").datesUntil(LocalDate.parse("2027-01-01")).forEach(day -> {
            assertThat(CALENDAR.isWorkingDay(day)).as(day + " " + day.getDayOfWeek())
                    .isEqualTo(OfficialCalendar.isWorkingDay(day));
            assertThat(CALENDAR.holidayName(day).isPresent()).as(day.toString()).isEqualTo(OfficialCalendar.isDayOff(day));
        });
    }

    @Test
    void holidaysCarryTheirChineseNames() {
        for (OfficialCalendar.Holiday holiday : OfficialCalendar.HOLIDAYS) {
            assertThat(CALENDAR.holidayName(holiday.from())).as(holiday.toString()).contains(holiday.name());
            assertThat(CALENDAR.holidayName(holiday.to())).as(holiday.toString()).contains(holiday.name());
        }
    }

    @Test
    void adjustedWeekendsAreWorkingDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Sat 2026-02-14 调休").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-26"))).as("Sun 2025-01-26 调休").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-21"))).as("Sat 2026-02-21 in 春节").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-07"))).as("an ordinary Saturday").isFalse();
    }

    @Test
    void workingTimeCountsWholeWorkingDaysAndSkipsDaysOff() {
        // Thu 2026-09-24 12:00 .. Tue 2026-09-29 12:00: 12h of Thursday, Mon 28 whole, 12h of Tuesday (Fri 25 is 中秋节)
        assertThat(CALENDAR.workingTimeBetween(at("2026-09-24T12:00"), at("2026-09-29T12:00")))
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void workingTimeRunningOutAtMidnightEndsAt24h00NotOnTheNextWorkingDay() {
        // from 00:00 of Fri 2026-09-18, one working day is used up at 24:00 Friday, not Monday morning
        assertThat(CALENDAR.addWorkingTime(at("2026-09-18T00:00"), Duration.ofDays(1))).isEqualTo(endOf("2026-09-18"));
        // starting on a day off, time only begins to count on the next working day
        assertThat(CALENDAR.addWorkingTime(at("2026-10-03T15:00"), Duration.ofHours(5))).isEqualTo(at("2026-10-08T05:00"));
    }

    @Test
    void yearsWithoutAFileFallBackToMondayToFridayAndLogAWarningOnce() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(WorkingCalendar.class.getName());
        logger.addHandler(handler);
        try {
            WorkingCalendar fresh = WorkingCalendar.loadDefault();
            assertThat(fresh.isWorkingDay(LocalDate.parse("2027-01-01"))).as("Fri 2027-01-01, no file").isTrue();
            assertThat(fresh.isWorkingDay(LocalDate.parse("2027-01-02"))).as("Sat 2027-01-02").isFalse();
            assertThat(fresh.isKnown(LocalDate.parse("2027-01-01"))).isFalse();
            assertThat(fresh.isKnown(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-05"))).isFalse();
        } finally {
            logger.removeHandler(handler);
        }
        // jboss-logging's JDK backend logs WARN with its own Level object of the same weight as WARNING
        assertThat(records).filteredOn(record -> record.getLevel().intValue() == Level.WARNING.intValue())
                .singleElement()
                .satisfies(record -> assertThat(new SimpleFormatter().formatMessage(record)).contains("2027"));
    }

    @Test
    void anOperatorDirectoryCanAddAYear(@TempDir Path dir) throws IOException {
        write(dir, "index.json", "{\"zone\": \"Asia/Shanghai\", \"years\": [2027]}");
        write(dir, "2027.json", """
                {"year": 2027, "holidays": [
                  {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "extraWorkingDays": []}]}""");
        WorkingCalendar calendar = WorkingCalendar.load(dir);
        assertThat(calendar.knownYears()).containsExactly(2027);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.holidayName(LocalDate.parse("2027-01-01"))).contains("元旦");
    }

    @Test
    void aWeekdayListedAsAnExtraWorkingDayIsRejected(@TempDir Path dir) throws IOException {
        assertRejected(dir, List.of(2027), """
                {"year": 2027, "holidays": [
                  {"name": "春节", "from": "2027-02-06", "to": "2027-02-13", "extraWorkingDays": ["2027-02-15"]}]}""",
                "2027.json.holidays[0].extraWorkingDays: 2027-02-15 is a MONDAY");
    }

    @Test
    void aDateOutsideTheFilesYearIsRejected(@TempDir Path dir) throws IOException {
        assertRejected(dir, List.of(2027), """
                {"year": 2027, "holidays": [
                  {"name": "元旦", "from": "2026-12-31", "to": "2027-01-01", "extraWorkingDays": []}]}""",
                "holidays[0].from: 2026-12-31 is not in 2027");
    }

    @Test
    void aYearListedInTheIndexWithoutItsFileIsRejected(@TempDir Path dir) throws IOException {
        assertRejected(dir, List.of(2027, 2028), "{\"year\": 2027, \"holidays\": []}", "2028.json: file not found");
    }

    @Test
    void aFileWhoseYearDisagreesWithItsNameIsRejected(@TempDir Path dir) throws IOException {
        assertRejected(dir, List.of(2027), "{\"year\": 2026, \"holidays\": []}", "2027.json.year: says 2026");
    }

    /** An index listing {@code years}, a 2027.json with {@code content}: loading fails naming the problem. */
    private static void assertRejected(Path dir, List<Integer> years, String content, String message) throws IOException {
        write(dir, "index.json", "{\"zone\": \"Asia/Shanghai\", \"years\": " + years + "}");
        write(dir, "2027.json", content);
        assertThatThrownBy(() -> WorkingCalendar.load(dir)).isInstanceOf(SlaDataException.class)
                .hasMessageContaining(message);
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
