package com.govfeedback.participation.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A citizen's points account ({@code PARTICIPANT#{sub}} / {@code ACCOUNT}): the sum of their posted entries, kept by the
 * guarded moves that post them. {@code held} is points reserved by redemptions not yet posted or voided, so
 * {@code balance − held} is what the citizen may still spend, and neither ever goes below zero.
 *
 * @param earned      every point ever paid (spending does not lower it; stars read it)
 * @param capDay      the city day {@code capUsed} counts (yyyy-MM-dd)
 * @param capUsed     points paid per rule on {@code capDay}
 * @param week        the board week {@code weekPoints} counts; likewise {@code month}
 */
public record Account(long balance, long held, long earned, int stars, Instant starsAt, String capDay, Map<String, Long> capUsed, String week,
        long weekPoints, String month, long monthPoints) {

    public static final Account EMPTY = new Account(0, 0, 0, 0, null, "", Map.of(), "", 0, "", 0);

    public long available() {
        return balance - held;
    }

    public static Account of(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return EMPTY;
        }
        Map<String, Long> capUsed = new HashMap<>();
        Attributes.map(item, "capUsed").forEach((rule, points) -> capUsed.put(rule, Long.parseLong(points.n())));
        return new Account(Attributes.number(item, "balance"), Attributes.number(item, "held"), Attributes.number(item, "earned"),
                (int) Attributes.number(item, "stars"), Attributes.instant(item, "starsAt"), orEmpty(Attributes.string(item, "capDay")), capUsed,
                orEmpty(Attributes.string(item, "week")), Attributes.number(item, "weekPoints"), orEmpty(Attributes.string(item, "month")),
                Attributes.number(item, "monthPoints"));
    }

    /** Every attribute of the account as the guarded move writes it. */
    public Map<String, AttributeValue> attributes() {
        Map<String, AttributeValue> capUsedValue = new HashMap<>();
        capUsed.forEach((rule, points) -> capUsedValue.put(rule, Attributes.n(points)));
        Map<String, AttributeValue> sets = new HashMap<>();
        sets.put(TableSchema.ENTITY, Attributes.s("ACCOUNT"));
        sets.put("balance", Attributes.n(balance));
        sets.put("held", Attributes.n(held));
        sets.put("earned", Attributes.n(earned));
        sets.put("stars", Attributes.n(stars));
        if (starsAt != null) {
            sets.put("starsAt", Attributes.instant(starsAt));
        }
        sets.put("capDay", Attributes.s(capDay));
        sets.put("capUsed", AttributeValue.fromM(capUsedValue));
        sets.put("week", Attributes.s(week));
        sets.put("weekPoints", Attributes.n(weekPoints));
        sets.put("month", Attributes.s(month));
        sets.put("monthPoints", Attributes.n(monthPoints));
        return sets;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
