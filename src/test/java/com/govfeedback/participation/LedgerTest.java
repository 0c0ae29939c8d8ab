package com.govfeedback.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ValidationException;

/** Awards against the local store: once per cause, within the daily cap, level-ups told once, everything audited. */
class LedgerTest {
    private final Participation p = new Participation();

    @Test
    void anAwardReplayedForTheSameCauseIsPaidOnceAndToldOnce() {
        String citizen = Participation.citizen();
        LedgerEntry first = p.ledger.award("feedback:F1:improvement:I1", citizen, "FEEDBACK_ACCEPTED");
        LedgerEntry again = p.ledger.award("feedback:F1:improvement:I1", citizen, "FEEDBACK_ACCEPTED");

        assertThat(first.state()).isEqualTo(LedgerEntry.POSTED);
        assertThat(again.state()).isEqualTo(LedgerEntry.POSTED);
        assertThat(p.ledger.standing(citizen).balance()).isEqualTo(10);
        assertThat(p.ledger.entries(citizen, null, null).items()).extracting(LedgerEntry::causeId).containsExactly("feedback:F1:improvement:I1");
        assertThat(p.trail.notices(citizen, 10)).extracting(ParticipationTrail.Record::kind).containsExactly("POINTS_PAID");
        assertThat(p.trail.audit("2026-12-02", 10)).extracting(ParticipationTrail.Record::citizen).containsExactly(citizen);
    }

    @Test
    void theDailyCapRefusesAWholeAwardAndTheNextDayPaysAgain() {
        String citizen = Participation.citizen();
        for (int i = 1; i <= 5; i++) {
            assertThat(p.ledger.award("feedback:F" + i + ":improvement:I", citizen, "FEEDBACK_ACCEPTED").state()).isEqualTo(LedgerEntry.POSTED);
        }
        LedgerEntry sixth = p.ledger.award("feedback:F6:improvement:I", citizen, "FEEDBACK_ACCEPTED");
        assertThat(sixth.state()).isEqualTo(Ledger.CAPPED);
        assertThat(sixth.note()).isEqualTo("CAP_REACHED");
        assertThat(p.ledger.standing(citizen).balance()).isEqualTo(50);
        // another rule has its own cap
        assertThat(p.ledger.award("bug:B1", citizen, "BUG_CONFIRMED").state()).isEqualTo(LedgerEntry.POSTED);

        Ledger nextDay = new Ledger(p.dynamo, p.table, p.rules, p.levels, p.board, p.trail, Clock.fixed(Participation.NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        assertThat(nextDay.award("feedback:F7:improvement:I", citizen, "FEEDBACK_ACCEPTED").state()).isEqualTo(LedgerEntry.POSTED);
        assertThat(nextDay.standing(citizen).balance()).isEqualTo(80);
    }

    @Test
    void aCauseReusedForAnotherCitizenOrRuleIsAConflictAndAnUnknownRuleIsInvalid() {
        String citizen = Participation.citizen();
        p.ledger.award("bug:B9", citizen, "BUG_CONFIRMED");
        assertThatThrownBy(() -> p.ledger.award("bug:B9", citizen, "FEEDBACK_ACCEPTED")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> p.ledger.award("feedback:X", citizen, "FEEDBACK_SUBMITTED")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> p.ledger.award("bad cause", citizen, "BUG_CONFIRMED")).isInstanceOf(ValidationException.class);
        assertThat(p.ledger.standing(citizen).balance()).isEqualTo(20);
    }

    @Test
    void aLevelUpIsToldOnceAndShowsInTheStanding() {
        String citizen = Participation.citizen();
        p.ledger.award("bug:L1", citizen, "BUG_CONFIRMED");
        p.ledger.award("bug:L2", citizen, "BUG_CONFIRMED");
        assertThat(p.ledger.standing(citizen).stars()).isZero();
        p.ledger.award("bug:L3", citizen, "BUG_CONFIRMED"); // 60 earned: one star
        p.ledger.award("bug:L4", citizen, "BUG_CONFIRMED");

        Ledger.Standing standing = p.ledger.standing(citizen);
        assertThat(standing.stars()).isEqualTo(1);
        assertThat(standing.title()).isEqualTo("一星体验官");
        List<String> kinds = p.trail.notices(citizen, 20).stream().map(ParticipationTrail.Record::kind).toList();
        assertThat(kinds).filteredOn("LEVEL_UP"::equals).hasSize(1);
        assertThat(kinds).filteredOn("POINTS_PAID"::equals).hasSize(4);
    }

    @Test
    void anEntryWrittenButNeverPostedIsPaidByTheRedrive() {
        String citizen = Participation.citizen();
        p.ledger.open(new LedgerEntry("bug:crashed", citizen, LedgerEntry.AWARD, "BUG_CONFIRMED", 20, null, LedgerEntry.NEW, null, null,
                Participation.NOW, false));
        assertThat(p.ledger.standing(citizen).balance()).isZero();

        assertThat(p.ledger.redrive(Participation.NOW.plusSeconds(60), 100)).isGreaterThanOrEqualTo(1);
        assertThat(p.ledger.standing(citizen).balance()).isEqualTo(20);
        assertThat(p.ledger.redrive(Participation.NOW.plusSeconds(60), 100)).isZero();
        assertThat(p.ledger.standing(citizen).balance()).isEqualTo(20);
    }

    @Test
    void entriesPageNewestFirst() {
        String citizen = Participation.citizen();
        for (int i = 0; i < 3; i++) {
            p.ledger.award("bug:P" + i, citizen, "BUG_CONFIRMED");
        }
        Ledger.EntryPage first = p.ledger.entries(citizen, 2, null);
        assertThat(first.items()).hasSize(2);
        Ledger.EntryPage second = p.ledger.entries(citizen, 2, first.nextCursor());
        assertThat(second.items()).hasSize(1);
        assertThat(List.of(first.items().get(0), first.items().get(1), second.items().get(0))).extracting(LedgerEntry::causeId)
                .containsExactlyInAnyOrder("bug:P0", "bug:P1", "bug:P2");
    }
}
