package com.govfeedback.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.storage.Attributes;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A writer that stopped after taking the account's intent leaves work the next writer completes, exactly once. */
class GuardedMovesTest {
    private final Participation p = new Participation();

    @Test
    void anIntentLeftOpenByACrashedWriterIsCompletedOnceByTheNextWriter() {
        String citizen = Participation.citizen();
        p.ledger.award("bug:before", citizen, "BUG_CONFIRMED");
        LedgerEntry crashed = p.ledger.open(new LedgerEntry("bug:crashed", citizen, LedgerEntry.AWARD, "BUG_CONFIRMED", 20, null, LedgerEntry.NEW,
                null, null, Participation.NOW, false));
        // step 1 of the crashed writer: the account holds its intent (balance 20 → 40), then the writer died
        Map<String, AttributeValue> intent = Map.of("pk", Attributes.s(crashed.key().pk()), "sk", Attributes.s(crashed.key().sk()),
                "from", Attributes.s(LedgerEntry.NEW), "to", Attributes.s(LedgerEntry.POSTED), "nonce", Attributes.s("crashed-writer"),
                "sets", AttributeValue.fromM(Map.of("balance", Attributes.n(40), "earned", Attributes.n(40))));
        p.dynamo.updateItem(b -> b.tableName(p.table).key(ParticipationKeys.account(citizen).value())
                .updateExpression("SET intent = :i, version = version + :one")
                .expressionAttributeValues(Map.of(":i", AttributeValue.fromM(intent), ":one", Attributes.n(1))));

        // the next award finds the open intent, completes it, then pays itself
        p.ledger.award("bug:after", citizen, "BUG_CONFIRMED");
        // the crashed writer's own retry finds its entry posted and pays nothing more
        p.ledger.award("bug:crashed", citizen, "BUG_CONFIRMED");

        assertThat(p.ledger.entry(citizen, "bug:crashed").state()).isEqualTo(LedgerEntry.POSTED);
        Map<String, AttributeValue> entry = p.dynamo.getItem(b -> b.tableName(p.table).key(crashed.key().value())).item();
        assertThat(entry.get("moves").m().get(LedgerEntry.POSTED).s()).as("posted by the crashed writer's intent").isEqualTo("crashed-writer");
        assertThat(p.ledger.account(citizen).balance()).isEqualTo(60);
        assertThat(p.dynamo.getItem(b -> b.tableName(p.table).key(ParticipationKeys.account(citizen).value())).item()).doesNotContainKey("intent");
    }
}
