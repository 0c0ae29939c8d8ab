package com.govfeedback.improvement;

import java.util.Map;

/**
 * What the feedback linked to an improvement says about user impact, aggregated from its link items.
 *
 * @param linked      linked feedback
 * @param meToo       "me too" count: the sizes of the linked clusters beyond the linked feedback themselves
 * @param colours     linked feedback per urgency colour (RED, ORANGE, YELLOW, BLUE)
 * @param negative    linked feedback whose sentiment was negative
 * @param rated       linked cases the citizen rated
 * @param badRatings  of those, rated at or below the bad-rating score
 */
public record LinkStats(long linked, long meToo, Map<String, Long> colours, long negative, long rated, long badRatings) {
    public static final LinkStats NONE = new LinkStats(0, 0, Map.of(), 0, 0, 0);
}
