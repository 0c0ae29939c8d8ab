package com.govfeedback.sla;

import java.time.Instant;

/**
 * A computed due instant. {@code calendarKnown} is false when a working-day count ran through a year without a
 * calendar file, so Monday–Friday stood in for the official arrangement. A working-day deadline "at 24:00" of a
 * day is represented as 00:00 (Asia/Shanghai) of the following day.
 */
public record Deadline(Instant at, boolean calendarKnown) {
}
