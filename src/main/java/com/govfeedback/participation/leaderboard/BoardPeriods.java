package com.govfeedback.participation.leaderboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;

import com.govfeedback.shared.ValidationException;

/** The 贡献榜's periods in the city's time zone: ISO week ({@code W2026-49}), month ({@code M2026-12}) and all time ({@code ALL}). */
public record BoardPeriods(ZoneId zone) {
    public static final String ALL_TIME = "ALL";

    public String week(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return String.format(Locale.ROOT, "W%d-%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public String month(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return String.format(Locale.ROOT, "M%d-%02d", day.getYear(), day.getMonthValue());
    }

    /** The current period of a kind a client names: week, month or all. */
    public String current(String kind, Instant now) {
        return switch (kind == null ? "" : kind) {
            case "week" -> week(now);
            case "month" -> month(now);
            case "all" -> ALL_TIME;
            default -> throw new ValidationException("period", "must be week, month or all");
        };
    }
}
