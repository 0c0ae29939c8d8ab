package com.govfeedback.insights;

import java.time.LocalDate;

/**
 * One aggregate item: a day and a department, for counts and times (by the day feedback was received) or for ratings
 * (by the day it was rated). A dashboard reads one item per day and department, never the feedback itself.
 */
public record InsightCell(Kind kind, LocalDate day, String department) {

    public enum Kind {
        /** per colour and status: how many received that day are in that status; per colour: clock times, counts, late counts */
        COUNTS,
        /** per score 1–5: how many were rated with it that day */
        RATINGS
    }

    /** The counters an item holds are named {@code <part>.<part>…}, e.g. {@code n.RED.IN_PROGRESS}, {@code ack.RED.ms}. */
    static String counter(String... parts) {
        return String.join(".", parts);
    }
}
