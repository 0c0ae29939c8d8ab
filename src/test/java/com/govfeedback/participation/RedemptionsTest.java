package com.govfeedback.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.rewards.Catalogue;
import com.govfeedback.participation.rewards.Fulfilment;
import com.govfeedback.participation.rewards.Redemptions;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.shared.NotFoundException;

/** 积分兑换 against the local store: points and stock taken together or not at all, refunded when fulfilment fails. */
class RedemptionsTest {
    private final Participation p = new Participation();

    private String citizenWith(int goldenIdeas) {
        String citizen = Participation.citizen();
        for (int i = 0; i < goldenIdeas; i++) {
            p.ledger.award("improvement:IDEA" + i + ":released", citizen, "GOLDEN_IDEA_ADOPTED");
        }
        return citizen;
    }

    @Test
    void aRedemptionSpendsThePointsTakesOneFromStockAndIsNotRepeatedByARetry() {
        p.catalogue.seed(List.of(new Catalogue.Reward("COUPON", "政务服务优惠券", 150, 2)));
        String citizen = citizenWith(1);

        LedgerEntry redeemed = p.redemptions.redeem(citizen, "req-00000001", "COUPON");
        LedgerEntry retried = p.redemptions.redeem(citizen, "req-00000001", "COUPON");

        assertThat(redeemed.state()).isEqualTo(LedgerEntry.POSTED);
        assertThat(redeemed.voucher()).startsWith("GV-");
        assertThat(retried.voucher()).isEqualTo(redeemed.voucher());
        assertThat(p.ledger.account(citizen).balance()).isEqualTo(50);
        assertThat(p.ledger.account(citizen).held()).isZero();
        assertThat(p.catalogue.get("COUPON").stock()).isEqualTo(1);
        assertThat(p.trail.notices(citizen, 10)).extracting(ParticipationTrail.Record::kind).contains("POINTS_SPENT");
    }

    @Test
    void notEnoughPointsIsRefusedWithNothingTaken() {
        p.catalogue.seed(List.of(new Catalogue.Reward("PHONE", "话费", 300, 5)));
        String citizen = citizenWith(1);

        assertThatThrownBy(() -> p.redemptions.redeem(citizen, "req-00000002", "PHONE"))
                .isInstanceOfSatisfying(ParticipationRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.type()).isEqualTo("/problems/not-enough-points");
                });
        assertThat(p.ledger.account(citizen).balance()).isEqualTo(200);
        assertThat(p.ledger.account(citizen).held()).isZero();
        assertThat(p.catalogue.get("PHONE").stock()).isEqualTo(5);
    }

    @Test
    void outOfStockIsRefusedAndTheHeldPointsComeBack() {
        p.catalogue.seed(List.of(new Catalogue.Reward("RARE", "限量", 100, 1)));
        String first = citizenWith(1);
        String second = citizenWith(1);
        p.redemptions.redeem(first, "req-00000003", "RARE");

        assertThatThrownBy(() -> p.redemptions.redeem(second, "req-00000004", "RARE"))
                .isInstanceOfSatisfying(ParticipationRefusedException.class, e -> assertThat(e.type()).isEqualTo("/problems/out-of-stock"));
        assertThat(p.ledger.account(second).balance()).isEqualTo(200);
        assertThat(p.ledger.account(second).available()).isEqualTo(200);
        assertThat(p.catalogue.get("RARE").stock()).isZero();
    }

    @Test
    void aRefusedFulfilmentVoidsTheRedemptionPutsTheStockBackAndRefunds() {
        Participation failing = new Participation(Clock.fixed(Participation.NOW, ZoneOffset.UTC), redemption -> Fulfilment.Result.failed("carrier refused"));
        failing.catalogue.seed(List.of(new Catalogue.Reward("PHONE", "话费", 100, 3)));
        String citizen = Participation.citizen();
        failing.ledger.award("improvement:X:released", citizen, "GOLDEN_IDEA_ADOPTED");

        LedgerEntry voided = failing.redemptions.redeem(citizen, "req-00000005", "PHONE");

        assertThat(voided.state()).isEqualTo(Redemptions.VOIDED);
        assertThat(voided.note()).isEqualTo("carrier refused");
        assertThat(failing.ledger.account(citizen).balance()).isEqualTo(200);
        assertThat(failing.ledger.account(citizen).held()).isZero();
        assertThat(failing.catalogue.get("PHONE").stock()).isEqualTo(3);
        assertThat(failing.trail.notices(citizen, 10)).extracting(ParticipationTrail.Record::kind).contains("REDEMPTION_REFUNDED");
    }

    @Test
    void anUnreachableProviderLeavesTheRedemptionReservedUntilTheRedriveFinishesIt() {
        boolean[] reachable = { false };
        Participation flaky = new Participation(Clock.fixed(Participation.NOW, ZoneOffset.UTC), redemption -> {
            if (!reachable[0]) {
                throw new IllegalStateException("provider timed out");
            }
            return Fulfilment.Result.issued("CARRIER-1");
        });
        flaky.catalogue.seed(List.of(new Catalogue.Reward("PHONE", "话费", 100, 3)));
        String citizen = Participation.citizen();
        flaky.ledger.award("improvement:Y:released", citizen, "GOLDEN_IDEA_ADOPTED");

        assertThat(flaky.redemptions.redeem(citizen, "req-00000006", "PHONE").state()).isEqualTo(Redemptions.RESERVED);
        assertThat(flaky.ledger.account(citizen).available()).isEqualTo(100);

        reachable[0] = true;
        assertThat(flaky.redemptions.redrive(Participation.NOW.plusSeconds(60), 10)).isEqualTo(1);
        LedgerEntry done = flaky.ledger.entry(citizen, "redeem:req-00000006");
        assertThat(done.state()).isEqualTo(LedgerEntry.POSTED);
        assertThat(done.voucher()).isEqualTo("CARRIER-1");
        assertThat(flaky.ledger.account(citizen).balance()).isEqualTo(100);
        assertThat(flaky.catalogue.get("PHONE").stock()).isEqualTo(2);
    }

    @Test
    void anUnknownRewardIsNotFound() {
        assertThatThrownBy(() -> p.redemptions.redeem(Participation.citizen(), "req-00000007", "NOPE")).isInstanceOf(NotFoundException.class);
    }
}
