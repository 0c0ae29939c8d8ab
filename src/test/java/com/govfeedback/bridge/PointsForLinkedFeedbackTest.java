package com.govfeedback.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.LinkRecord;
import com.govfeedback.participation.assembly.ParticipationServices;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Taking a citizen's feedback into an improvement pays its author once, however often the link is written or told. */
class PointsForLinkedFeedbackTest {
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void aNewLinkPaysItsAuthorOnceAndARewrittenLinkPaysNothing() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-points-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        ParticipationServices participation = ParticipationServices.over(dynamo, table, Clock.fixed(NOW, ZoneOffset.UTC));
        PointsForLinkedFeedback points = new PointsForLinkedFeedback(participation.events());
        ImprovementStore store = new ImprovementStore(dynamo, table, points);
        String citizen = "citizen-" + UUID.randomUUID();
        LinkRecord link = new LinkRecord("F1", citizen, "C1", 3, "ORANGE", true, null, NOW.minusSeconds(3600), NOW, null);
        LinkRecord second = new LinkRecord("F2", citizen, "C1", 3, "ORANGE", true, null, NOW.minusSeconds(1800), NOW, null);

        store.putLink("IMP1", link);
        store.putLink("IMP1", link); // its facts refreshed (a rating): not a new link
        store.putLink("IMP1", second); // another feedback of the same citizen taken in: paid for itself

        assertThat(participation.ledger().entries(citizen, 50, null).items()).extracting(LedgerEntry::causeId)
                .containsExactlyInAnyOrder("feedback:F1:improvement:IMP1", "feedback:F2:improvement:IMP1");
        long perFeedback = participation.ledger().standing(citizen).balance() / 2;
        assertThat(perFeedback).isPositive();
        // the table stream delivers the first link's insert again: the ledger is keyed by its cause
        points.changed(null, com.govfeedback.improvement.store.ImprovementItems.toItem("IMP1", link));
        assertThat(participation.ledger().standing(citizen).balance()).isEqualTo(2 * perFeedback);
    }
}
