package com.govfeedback.insights;

import java.time.LocalDate;

/**
 * One aggregate item: a day and a department, for counts and times (by the day feedback was received) or for ratings
 * (by the day it was rated); or a day and a screen path or domain, for the satisfaction of what that screen or domain
 * serves. A dashboard and the satisfaction measurement read one item per day and subject, never the feedback itself.
 *
 * @param subject the department code (COUNTS, RATINGS, CLUSTERS), the screen path (SCREEN) or the domain code (DOMAIN)
 */
public record InsightCell(Kind kind, LocalDate day, String subject) {

    public enum Kind {
        /** per colour and status: how many received that day are in that status; per colour: clock times, counts, late counts */
        COUNTS,
        /** per score 1–5: how many were rated with it that day */
        RATINGS,
        /** per screen path: feedback received that day ({@code fb}), the negative ones ({@code neg}), ratings that day per score */
        SCREEN,
        /** per domain: the same counters as SCREEN */
        DOMAIN,
        /**
         * per department: how many feedback received that day joined each similar-feedback cluster ({@code c.{cluster id}});
         * a cluster's first feedback, which names it, is not counted: nothing was similar to it yet when it came
         */
        CLUSTERS
    }

    /** The counters an item holds are named {@code <part>.<part>…}, e.g. {@code n.RED.IN_PROGRESS}, {@code ack.RED.ms}. */
    static String counter(String... parts) {
        return String.join(".", parts);
    }
}
