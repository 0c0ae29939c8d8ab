package com.govfeedback.feedback.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Short tracking numbers a citizen can read out on the phone: the day received (Beijing time) and
 * eight characters of the id's random part, e.g. {@code 261129-7KX4-M2QD}. Crockford base32 has no
 * I, L, O or U, so nothing is misheard as a digit.
 */
public final class TrackingNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private TrackingNumbers() {
    }

    public static String of(String id, Instant receivedAt, ZoneId zone) {
        String random = id.substring(id.length() - 8);
        return DAY.format(receivedAt.atZone(zone)) + "-" + random.substring(0, 4) + "-" + random.substring(4);
    }
}
