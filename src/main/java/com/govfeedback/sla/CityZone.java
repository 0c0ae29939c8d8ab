package com.govfeedback.sla;

import java.time.ZoneId;

/**
 * The city's time zone as the shipped calendar file names it (sla/calendar/index.json), for code that buckets or shows
 * times by the city's days without a {@link WorkingCalendar} at hand. One source: the zone is never typed in code.
 */
public final class CityZone {
    public static final ZoneId ZONE = WorkingCalendar.loadDefault().zone();

    private CityZone() {
    }
}
