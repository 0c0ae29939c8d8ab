package com.govfeedback.improvement;

import java.util.List;
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
 * @param citizens    distinct citizens whose feedback is linked (the results wall's "how many citizens")
 * @param contributors the names of contributors who consented to be named, earliest first, at most
 *                    {@link #CONTRIBUTORS_SHOWN}; the others count as anonymous
 */
public record LinkStats(long linked, long meToo, Map<String, Long> colours, long negative, long rated, long badRatings, long citizens,
        List<String> contributors) {
    public static final int CONTRIBUTORS_SHOWN = 50;
    public static final LinkStats NONE = new LinkStats(0, 0, Map.of(), 0, 0, 0, 0, List.of());
}
