package com.govfeedback.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Computes due instants on the two clock bases. Hours are calendar hours from the start instant. "Within N working
 * days" counts from the day after the start's day and ends at 24:00 (Asia/Shanghai) of the Nth working day. Paused
 * intervals are skipped on the clock's own basis: an hour clock moves by the paused calendar time, a working-day
 * clock by the paused working time.
 */
public class DeadlineCalculator {
    private final WorkingCalendar calendar;

    public DeadlineCalculator(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The due instant of a window that starts at {@code start} and is never paused. */
    public Deadline dueAt(Instant start, Window window) {
        return dueAt(start, window, List.of());
    }

    /** {@code months} calendar months after {@code from}, counted on the calendar's local dates (Jan 31 + 1 = Feb 28). */
    Instant plusMonths(Instant from, long months) {
        return from.atZone(calendar.zone()).plusMonths(months).toInstant();
    }

    /** The due instant of a window that starts at {@code start} and stands still during {@code paused}. */
    Deadline dueAt(Instant start, Window window, List<Interval> paused) {
        return pointAt(start, window, 1.0, paused);
    }

    /** The instant at which {@code fraction} of the window has run, pauses excluded (a warning point). */
    Deadline pointAt(Instant start, Window window, double fraction, List<Interval> paused) {
        Duration target = fraction == 1.0 ? window.length()
                : Duration.ofSeconds(Math.round(window.length().getSeconds() * fraction));
        Instant origin = window.basis() == Window.Basis.HOURS ? start
                : calendar.startOf(calendar.dateOf(start).plusDays(1));
        Instant at = reach(origin, target, window.basis(), paused);
        // the days counted run from the origin's day to the day whose 24:00 (or earlier) is the answer
        boolean known = window.basis() == Window.Basis.HOURS
                || calendar.isKnown(calendar.dateOf(origin), calendar.dateOf(at.minusNanos(1)));
        return new Deadline(at, known);
    }

    /** {@code from} moved on by {@code span} on the span's basis, counting from {@code from} itself, pauses excluded. */
    Instant advance(Instant from, Window span, long times, List<Interval> paused) {
        return reach(from, span.length().multipliedBy(times), span.basis(), paused);
    }

    /** Walks forward from {@code origin} until {@code target} of running time (on the basis) has passed. */
    private Instant reach(Instant origin, Duration target, Window.Basis basis, List<Interval> paused) {
        Instant at = origin;
        Duration left = target;
        for (Interval pause : paused) {
            if (!pause.until().isAfter(at)) {
                continue;
            }
            if (pause.from().isAfter(at)) {
                Duration running = between(at, pause.from(), basis);
                if (running.compareTo(left) >= 0) {
                    return plus(at, left, basis);
                }
                left = left.minus(running);
            }
            at = pause.until();
        }
        return plus(at, left, basis);
    }

    private Duration between(Instant from, Instant to, Window.Basis basis) {
        return basis == Window.Basis.HOURS ? Duration.between(from, to) : calendar.workingTimeBetween(from, to);
    }

    private Instant plus(Instant from, Duration amount, Window.Basis basis) {
        return basis == Window.Basis.HOURS ? from.plus(amount) : calendar.addWorkingTime(from, amount);
    }

    /** A half-open span of time {@code [from, until)}; pauses are given sorted and not overlapping. */
    record Interval(Instant from, Instant until) {
    }

    /** The city's time zone, as the calendar file names it. */
    public java.time.ZoneId zone() {
        return calendar.zone();
    }
}
