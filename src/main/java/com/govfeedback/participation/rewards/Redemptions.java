package com.govfeedback.participation.rewards;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.govfeedback.participation.ParticipationRefusedException;
import com.govfeedback.participation.ledger.AccountChanges;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.store.GuardedMoves;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.storage.Attributes;

/**
 * 积分兑换, two-phase like a pending transfer: the points are held on the account, one unit is taken from stock, the
 * reward is fulfilled, and only then are the held points posted; a refused fulfilment voids it (stock put back, hold
 * released). Each step is a guarded move of the redemption entry, so a retry with the same request id, or the re-drive,
 * continues from where the last attempt stopped and nothing is taken twice.
 *
 * <pre>
 * NEW ─hold─▶ HELD ─take stock─▶ RESERVED ─fulfil─▶ FULFILLED ─post─▶ POSTED
 *  └▶ REFUSED   └─release─▶ OUT_OF_STOCK  └▶ VOIDING ─put back─▶ RESTOCKED ─release─▶ VOIDED
 * </pre>
 */
public final class Redemptions {
    private static final Logger LOG = Logger.getLogger(Redemptions.class);
    public static final String HELD = "HELD";
    public static final String RESERVED = "RESERVED";
    public static final String FULFILLED = "FULFILLED";
    public static final String REFUSED = "REFUSED";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String VOIDING = "VOIDING";
    public static final String RESTOCKED = "RESTOCKED";
    public static final String VOIDED = "VOIDED";
    private static final Set<String> ENDS = Set.of(LedgerEntry.POSTED, REFUSED, OUT_OF_STOCK, VOIDED);

    private final Ledger ledger;
    private final GuardedMoves moves;
    private final AccountChanges accounts;
    private final Catalogue catalogue;
    private final Fulfilment fulfilment;
    private final ParticipationTrail trail;
    private final Clock clock;

    public Redemptions(Ledger ledger, Catalogue catalogue, Fulfilment fulfilment, ParticipationTrail trail, Clock clock) {
        this.ledger = ledger;
        this.moves = ledger.moves();
        this.accounts = ledger.changes();
        this.catalogue = catalogue;
        this.fulfilment = fulfilment;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Redeems a reward once per request id. Answers the redemption (POSTED with its voucher, or VOIDED when fulfilment
     * was refused and the points came back); 409 for not enough points or out of stock, with nothing taken.
     */
    public LedgerEntry redeem(String citizen, String requestId, String rewardId) {
        if (requestId == null || !requestId.matches("[A-Za-z0-9_.\\-]{8,100}")) {
            throw new ValidationException("requestId", "must be 8–100 letters, digits or _ . -, new for each redemption");
        }
        Catalogue.Reward reward = catalogue.get(rewardId);
        LedgerEntry entry = drive(ledger.open(new LedgerEntry("redeem:" + requestId, citizen, LedgerEntry.REDEMPTION, null, reward.cost(), reward.id(),
                LedgerEntry.NEW, null, null, clock.instant(), false)));
        switch (entry.state()) {
        case REFUSED -> throw ParticipationRefusedException.notEnoughPoints(entry.points(), ledger.account(citizen).available());
        case OUT_OF_STOCK -> throw ParticipationRefusedException.outOfStock(rewardId);
        default -> {
            return entry;
        }
        }
    }

    /** Drives the redemptions left unfinished before {@code before} to their end; the number driven. */
    public int redrive(Instant before, int max) {
        List<LedgerEntry> open = ledger.unsettled(LedgerEntry.REDEMPTION, before, max);
        open.forEach(this::drive);
        return open.size();
    }

    LedgerEntry drive(LedgerEntry entry) {
        if (entry.settled()) {
            return entry;
        }
        GuardedMoves.Key account = ParticipationKeys.account(entry.citizen());
        GuardedMoves.Key stock = ParticipationKeys.reward(entry.rewardId());
        while (!ENDS.contains(entry.state())) {
            switch (entry.state()) {
            case LedgerEntry.NEW -> {
                if (moves.move(account, entry.key(), LedgerEntry.NEW, HELD, accounts.hold(entry.points())).refusal() != null) {
                    moves.set(entry.key(), LedgerEntry.NEW, REFUSED, Map.of("note", Attributes.s(AccountChanges.NOT_ENOUGH_POINTS)), List.of());
                }
            }
            case HELD -> {
                if (moves.move(stock, entry.key(), HELD, RESERVED, Catalogue.take()).refusal() != null) {
                    moves.move(account, entry.key(), HELD, OUT_OF_STOCK, accounts.release(entry.points()));
                }
            }
            case RESERVED -> {
                Fulfilment.Result result;
                try {
                    result = fulfilment.issue(entry);
                } catch (RuntimeException unreachable) {
                    LOG.warnf(unreachable, "fulfilment of %s unreachable; the re-drive tries again", entry.causeId());
                    return entry;
                }
                if (result.voucher() != null) {
                    moves.set(entry.key(), RESERVED, FULFILLED, Map.of("voucher", Attributes.s(result.voucher())), List.of());
                } else {
                    moves.set(entry.key(), RESERVED, VOIDING, Map.of("note", Attributes.s(result.failure())), List.of());
                }
            }
            case FULFILLED -> moves.move(account, entry.key(), FULFILLED, LedgerEntry.POSTED, accounts.post(entry.points()));
            case VOIDING -> moves.move(stock, entry.key(), VOIDING, RESTOCKED, Catalogue.putBack());
            case RESTOCKED -> moves.move(account, entry.key(), RESTOCKED, VOIDED, accounts.release(entry.points()));
            default -> throw new IllegalStateException("redemption " + entry.causeId() + " in unknown state " + entry.state());
            }
            entry = ledger.entry(entry.citizen(), entry.causeId());
        }
        settle(entry);
        return ledger.entry(entry.citizen(), entry.causeId());
    }

    private void settle(LedgerEntry entry) {
        String kind = switch (entry.state()) {
        case LedgerEntry.POSTED -> "POINTS_SPENT";
        case VOIDED -> "REDEMPTION_REFUNDED";
        default -> "REDEMPTION_REFUSED";
        };
        trail.record(new ParticipationTrail.Event(entry.citizen(), kind, entry.causeId(), entry.createdAt(), "system",
                Map.of("points", Long.toString(entry.points()), "reward", entry.rewardId(), "rewardTitle", catalogue.get(entry.rewardId()).title(),
                        "outcome", entry.state())));
        ledger.settled(entry);
    }
}
