package com.govfeedback.sla;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The PRC working-day calendar (weekends, public holidays, 调休 working weekends) loaded from one JSON file per
 * year. Days of a year it has no file for fall back to Monday–Friday, with a warning logged once per such year.
 */
public final class WorkingCalendar {
    /** Classpath folder of the shipped calendar: {@code index.json} lists the years, then one {@code <year>.json} each. */
    public static final String CLASSPATH_FOLDER = "sla/calendar/";
    static final String INDEX = "index.json";

    private static final Logger LOG = Logger.getLogger(WorkingCalendar.class);

    private final ZoneId zone;
    private final SortedSet<Integer> knownYears;
    private final Map<LocalDate, String> holidayNames;
    private final Set<LocalDate> extraWorkingDays;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    private WorkingCalendar(ZoneId zone, SortedSet<Integer> knownYears, Map<LocalDate, String> holidayNames,
            Set<LocalDate> extraWorkingDays) {
        this.zone = zone;
        this.knownYears = Collections.unmodifiableSortedSet(knownYears);
        this.holidayNames = Map.copyOf(holidayNames);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
    }

    /** The calendar shipped on the classpath under {@value #CLASSPATH_FOLDER}. */
    public static WorkingCalendar loadDefault() {
        return load(DataFiles.classpath(CLASSPATH_FOLDER));
    }

    /** A calendar from an operator's directory holding {@code index.json} and the year files it lists. */
    public static WorkingCalendar load(Path directory) {
        return load(DataFiles.directory(directory));
    }

    private static WorkingCalendar load(DataFiles files) {
        JsonNode index = files.read(INDEX);
        String indexPath = files.where(INDEX);
        ZoneId zone;
        try {
            zone = ZoneId.of(DataFiles.text(index, "zone", indexPath));
        } catch (DateTimeException e) {
            throw new SlaDataException(indexPath + ".zone: unknown time zone " + index.get("zone"));
        }
        SortedSet<Integer> years = new TreeSet<>();
        for (JsonNode year : DataFiles.array(index, "years", indexPath)) {
            if (!years.add((int) DataFiles.positiveInt(year, indexPath + ".years"))) {
                throw new SlaDataException(indexPath + ".years: " + year + " is listed twice");
            }
        }
        if (years.isEmpty()) {
            throw new SlaDataException(indexPath + ".years: lists no year");
        }
        Map<LocalDate, String> holidayNames = new HashMap<>();
        Set<LocalDate> extraWorkingDays = new HashSet<>();
        for (int year : years) {
            String name = year + ".json";
            readYear(files.read(name), year, files.where(name), holidayNames, extraWorkingDays);
        }
        LOG.infof("Working-day calendar loaded for %s (%s); later dates fall back to Monday-Friday", years, zone);
        return new WorkingCalendar(zone, years, holidayNames, extraWorkingDays);
    }

    private static void readYear(JsonNode file, int year, String path, Map<LocalDate, String> holidayNames,
            Set<LocalDate> extraWorkingDays) {
        long declared = DataFiles.positiveInt(DataFiles.required(file, "year", path), path + ".year");
        if (declared != year) {
            throw new SlaDataException(path + ".year: says " + declared + " but the file is listed as " + year);
        }
        int i = 0;
        for (JsonNode holiday : DataFiles.array(file, "holidays", path)) {
            String at = path + ".holidays[" + i++ + "]";
            String name = DataFiles.text(holiday, "name", at);
            LocalDate from = dateIn(year, DataFiles.required(holiday, "from", at), at + ".from");
            LocalDate to = dateIn(year, DataFiles.required(holiday, "to", at), at + ".to");
            if (to.isBefore(from)) {
                throw new SlaDataException(at + ": 'to' " + to + " is before 'from' " + from);
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                String other = holidayNames.put(day, name);
                if (other != null) {
                    throw new SlaDataException(at + ": " + day + " is already a day off of " + other);
                }
            }
            for (JsonNode extra : DataFiles.array(holiday, "extraWorkingDays", at)) {
                LocalDate day = dateIn(year, extra, at + ".extraWorkingDays");
                if (!isWeekend(day)) {
                    throw new SlaDataException(at + ".extraWorkingDays: " + day + " is a " + day.getDayOfWeek()
                            + ", already a working day; only a weekend day can be made a working day");
                }
                extraWorkingDays.add(day);
            }
        }
        for (LocalDate day : extraWorkingDays) {
            if (holidayNames.containsKey(day)) {
                throw new SlaDataException(path + ": " + day + " is both a day off and an extra working day");
            }
        }
    }

    private static LocalDate dateIn(int year, JsonNode node, String path) {
        LocalDate date = DataFiles.date(node, path);
        if (date.getYear() != year) {
            throw new SlaDataException(path + ": " + date + " is not in " + year);
        }
        return date;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years with an official arrangement on file, in order (for the health output). */
    public SortedSet<Integer> knownYears() {
        return knownYears;
    }

    /** True when the day's year has a calendar file, so the answer for it is official rather than Monday–Friday. */
    public boolean isKnown(LocalDate day) {
        return knownYears.contains(day.getYear());
    }

    /** True when every day from {@code first} to {@code last} (inclusive) lies in a known year. */
    public boolean isKnown(LocalDate first, LocalDate last) {
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!knownYears.contains(year)) {
                return false;
            }
        }
        return true;
    }

    /** The public holiday the day belongs to, if it is a day off of a known year. */
    public Optional<String> holidayName(LocalDate day) {
        return Optional.ofNullable(holidayNames.get(day));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!isKnown(day) && warnedYears.add(day.getYear())) {
            LOG.warnf("No working-day calendar for %d (known: %s): counting Monday-Friday as working days; "
                    + "add sla/calendar/%d.json once the State Council notice is out", day.getYear(), knownYears,
                    day.getYear());
        }
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        return !isWeekend(day) && !holidayNames.containsKey(day);
    }

    /** The local date of an instant in the calendar's zone. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** 00:00 of the day, which is also 24:00 of the day before. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Working time inside {@code [from, to)}: each working day contributes the part of its 24 hours in the range. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (LocalDate day = dateOf(from); startOf(day).isBefore(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant start = max(from, startOf(day));
                Instant end = min(to, startOf(day.plusDays(1)));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}, skipping days off. Used up
     * exactly at the end of a working day, the answer is that day's 24:00, i.e. the next day's 00:00.
     */
    public Instant addWorkingTime(Instant from, Duration amount) {
        if (amount.isZero()) {
            return from;
        }
        Instant at = from;
        Duration left = amount;
        for (LocalDate day = dateOf(from);; day = day.plusDays(1)) {
            Instant dayEnd = startOf(day.plusDays(1));
            if (isWorkingDay(day)) {
                Duration available = Duration.between(at, dayEnd);
                if (left.compareTo(available) <= 0) {
                    return at.plus(left);
                }
                left = left.minus(available);
            }
            at = dayEnd;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
