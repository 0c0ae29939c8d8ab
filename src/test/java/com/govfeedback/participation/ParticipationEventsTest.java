package com.govfeedback.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.govfeedback.participation.events.ParticipationEvents;
import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.store.ParticipationTrail;

/** The ports other features call: each outcome pays once per cause, however often it is reported. */
class ParticipationEventsTest {
    private final Participation p = new Participation();
    private final ParticipationEvents events = new ParticipationEvents(p.ledger,
            new GoldenIdeas(p.dynamo, p.table, p.ledger, p.profiles, p.trail, p.rules, Clock.fixed(Participation.NOW, ZoneOffset.UTC)), p.redemptions, p.trail);

    @Test
    void eachOutcomePaysOncePerCause() {
        String citizen = Participation.citizen();
        events.feedbackAccepted("F1", "IMP1", citizen);
        events.feedbackAccepted("F1", "IMP1", citizen); // a replayed stream record
        events.feedbackAccepted("F2", "IMP1", citizen); // another feedback merged into the same improvement pays its author
        events.bugConfirmed("F3", citizen, "staff-1");
        events.bugConfirmed("F3", citizen, "staff-2"); // a second confirmation pays nothing and tells nothing new
        GoldenIdeas.Idea idea = events.improvementReleased("IMP1", citizen, "社保卡补办线上化", Participation.NOW);
        events.improvementReleased("IMP1", citizen, "社保卡补办线上化", Participation.NOW);

        assertThat(idea.contributor()).isEqualTo(GoldenIdeas.ANONYMOUS);
        assertThat(p.ledger.standing(citizen).balance()).isEqualTo(10 + 10 + 20 + 200);
        assertThat(p.ledger.entries(citizen, 50, null).items()).extracting(LedgerEntry::causeId)
                .containsExactlyInAnyOrder("feedback:F1:improvement:IMP1", "feedback:F2:improvement:IMP1", "bug:F3", "idea:IMP1");
        assertThat(events.redrive(Participation.NOW.plusSeconds(60), 100)).isZero();
        assertThat(p.trail.notices(citizen, 50)).extracting(ParticipationTrail.Record::kind).filteredOn(kind -> !kind.equals("POINTS_PAID"))
                .containsExactlyInAnyOrder("BUG_CONFIRMED", "IDEA_ADOPTED", "LEVEL_UP");
        assertThat(p.trail.notices(citizen, 50)).filteredOn(notice -> notice.kind().equals("BUG_CONFIRMED")).singleElement()
                .satisfies(notice -> assertThat(notice.actor()).isEqualTo("staff-1"));
        assertThat(p.trail.notices(citizen, 50)).filteredOn(notice -> notice.kind().equals("POINTS_PAID")).hasSize(4)
                .allSatisfy(notice -> assertThat(notice.text()).contains("积分 +"));
    }
}
