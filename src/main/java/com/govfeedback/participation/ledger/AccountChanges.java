package com.govfeedback.participation.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.govfeedback.participation.leaderboard.BoardPeriods;
import com.govfeedback.participation.levels.StarLevels;
import com.govfeedback.participation.store.GuardedMoves.Change;
import com.govfeedback.participation.store.GuardedMoves.Decision;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What each ledger move does to the account it draws on, decided from the account as read. */
public final class AccountChanges {
    public static final String CAP_REACHED = "CAP_REACHED";
    public static final String NOT_ENOUGH_POINTS = "NOT_ENOUGH_POINTS";

    private final PointRules rules;
    private final StarLevels levels;

    public AccountChanges(PointRules rules, StarLevels levels) {
        this.rules = rules;
        this.levels = levels;
    }

    /** Pays a rule's points at {@code at}: refused when it would pass the rule's daily cap (an award is paid whole or not at all). */
    public Change award(PointRules.Rule rule, Instant at) {
        return item -> {
            Account a = Account.of(item);
            String day = rules.day(at).toString();
            Map<String, Long> capUsed = new HashMap<>(day.equals(a.capDay()) ? a.capUsed() : Map.of());
            long used = capUsed.getOrDefault(rule.id(), 0L);
            if (used + rule.points() > rule.dailyCap()) {
                return Decision.refuse(CAP_REACHED);
            }
            capUsed.put(rule.id(), used + rule.points());
            BoardPeriods periods = rules.periods();
            String week = periods.week(at);
            String month = periods.month(at);
            long earned = a.earned() + rule.points();
            int stars = levels.starsFor(earned);
            return Decision.change(new Account(a.balance() + rule.points(), a.held(), earned, stars, stars != a.stars() ? at : a.starsAt(), day, capUsed,
                    week, (week.equals(a.week()) ? a.weekPoints() : 0) + rule.points(), month,
                    (month.equals(a.month()) ? a.monthPoints() : 0) + rule.points()).attributes());
        };
    }

    /** Reserves points for a redemption: refused when the citizen's spendable points fall short. */
    public Change hold(long points) {
        return item -> {
            Account a = Account.of(item);
            if (a.available() < points) {
                return Decision.refuse(NOT_ENOUGH_POINTS);
            }
            return Decision.change(with(a, a.balance(), a.held() + points));
        };
    }

    /** Spends held points: the redemption is fulfilled. */
    public Change post(long points) {
        return item -> {
            Account a = Account.of(item);
            return Decision.change(with(a, a.balance() - points, a.held() - points));
        };
    }

    /** Gives held points back: the redemption was not fulfilled. */
    public Change release(long points) {
        return item -> {
            Account a = Account.of(item);
            return Decision.change(with(a, a.balance(), a.held() - points));
        };
    }

    private static Map<String, AttributeValue> with(Account a, long balance, long held) {
        return new Account(balance, held, a.earned(), a.stars(), a.starsAt(), a.capDay(), a.capUsed(), a.week(), a.weekPoints(), a.month(),
                a.monthPoints()).attributes();
    }
}
