package com.govfeedback.feedback.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The repository tells its listener of each write with the images a table stream would carry: none before an insert. */
class WriteListenerTest {
    private record Change(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    }

    @Test
    void eachWriteIsReportedOnceWithTheItemBeforeAndAfter() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-listener-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        List<Change> changes = new ArrayList<>();
        FeedbackRepository repository = new FeedbackRepository(dynamo, table, (before, after) -> changes.add(new Change(before, after)));
        Instant submitted = SweepFixtures.at("2026-03-02T10:00");
        Feedback feedback = SweepFixtures.open("ORANGE", "MALFUNCTION", submitted, Ids.newId(submitted));

        repository.insert(feedback);
        repository.insert(feedback); // a re-driven submission stores nothing and reports nothing
        repository.replace(feedback.withStatus(Status.ACCEPTED).nextVersion());
        assertThatThrownBy(() -> repository.replace(feedback.withStatus(Status.REJECTED).nextVersion()))
                .isInstanceOf(ConflictException.class);

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).before()).isNull();
        assertThat(Attributes.string(changes.get(0).after(), "status")).isEqualTo("SUBMITTED");
        assertThat(Attributes.string(changes.get(1).before(), "status")).isEqualTo("SUBMITTED");
        assertThat(Attributes.number(changes.get(1).before(), "version")).isEqualTo(1);
        assertThat(Attributes.string(changes.get(1).after(), "status")).isEqualTo("ACCEPTED");
    }
}
