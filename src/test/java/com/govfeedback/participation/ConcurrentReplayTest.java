package com.govfeedback.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.govfeedback.participation.ledger.Account;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.rewards.Catalogue;
import com.govfeedback.participation.rewards.Redemptions;

/**
 * Eight workers replay the same 1,000 award causes and 200 redemptions at once, each in its own order, against the
 * local store. Each citizen's earnings must equal the rules' arithmetic exactly (every cause paid once, caps applied),
 * each balance must equal earnings minus the posted redemptions, nothing may stay held, and the stock must equal its
 * start minus the posted redemptions and never go below zero.
 */
class ConcurrentReplayTest {
    private static final int CITIZENS = 50;
    private static final int STOCK = 120;
    private static final int COST = 100;

    @Test
    void replayedAwardsAndRedemptionsPayAndSpendExactlyOnce() throws Exception {
        Participation p = new Participation();
        p.catalogue.seed(List.of(new Catalogue.Reward("COUPON", "政务服务优惠券", COST, STOCK)));
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < CITIZENS; i++) {
            citizens.add("replay-" + i);
        }
        // per citizen: 10 FEEDBACK_ACCEPTED (10 points, 50 a day: 5 paid), 6 BETA_TASK_ACCEPTED (30, 90 a day: 3 paid),
        // 4 GOLDEN_IDEA_ADOPTED (200, 1,000 a day: all 4 paid) = 50 + 90 + 800 = 940 earned
        List<Runnable> work = new ArrayList<>();
        for (int c = 0; c < CITIZENS; c++) {
            String citizen = citizens.get(c);
            for (int i = 0; i < 20; i++) {
                String rule = i < 10 ? "FEEDBACK_ACCEPTED" : i < 16 ? "BETA_TASK_ACCEPTED" : "GOLDEN_IDEA_ADOPTED";
                String cause = "cause-" + c + "-" + i;
                work.add(() -> p.ledger.award(cause, citizen, rule));
            }
            for (int r = 0; r < 4; r++) {
                String request = "redeem-" + c + "-" + r;
                work.add(() -> {
                    try {
                        p.redemptions.redeem(citizen, request, "COUPON");
                    } catch (ParticipationRefusedException refusedWhileEarningOrSoldOut) {
                        // a redemption replayed before the awards arrived, or after the stock ran out: nothing taken
                    }
                });
            }
        }
        assertThat(work).hasSize(1_200);

        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        for (int w = 0; w < 8; w++) {
            List<Runnable> replay = new ArrayList<>(work);
            Collections.shuffle(replay, new Random(w));
            done.add(workers.submit(() -> replay.forEach(call -> {
                call.run();
                calls.incrementAndGet();
            })));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        assertThat(calls.get()).isEqualTo(9_600);

        int postedTotal = 0;
        for (String citizen : citizens) {
            List<LedgerEntry> entries = p.ledger.entries(citizen, 50, null).items();
            assertThat(entries).hasSize(24).allMatch(LedgerEntry::settled);
            long posted = entries.stream().filter(e -> e.kind().equals(LedgerEntry.REDEMPTION) && e.state().equals(LedgerEntry.POSTED)).count();
            assertThat(entries).filteredOn(e -> e.kind().equals(LedgerEntry.REDEMPTION))
                    .allMatch(e -> List.of(LedgerEntry.POSTED, Redemptions.REFUSED, Redemptions.OUT_OF_STOCK).contains(e.state()));
            Account account = p.ledger.account(citizen);
            assertThat(account.earned()).as(citizen + " earned").isEqualTo(940);
            assertThat(account.balance()).as(citizen + " balance").isEqualTo(940 - COST * posted);
            assertThat(account.held()).as(citizen + " held").isZero();
            postedTotal += (int) posted;
        }
        long stock = p.catalogue.get("COUPON").stock();
        assertThat(stock).isGreaterThanOrEqualTo(0).isEqualTo(STOCK - postedTotal);
        assertThat(p.ledger.unsettled(LedgerEntry.AWARD, Participation.NOW.plusSeconds(3600), 10)).isEmpty();
        assertThat(p.ledger.unsettled(LedgerEntry.REDEMPTION, Participation.NOW.plusSeconds(3600), 10)).isEmpty();
    }
}
