package com.govfeedback.feedback.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.audit.AuditEvent;
import com.govfeedback.audit.AuditEventAttributes;
import com.govfeedback.audit.AuditStore;
import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream's audit consumer on the images a stream record carries: a change's event chained once however often the
 * record comes, writes that bring no new event (the sweep's, the notifier's) chaining nothing.
 */
class ChangeAuditTest {
    private static final Caller STAFF = new Caller("wang", Role.STAFF, "HRSS_BUREAU");
    private final AuditStore audit = new AuditStore(Dynalite.shared().client(), Dynalite.tableName(), Clock.systemUTC());
    private final ChangeAudit consumer = new ChangeAudit(audit);

    private static Map<String, AttributeValue> image(String id, long version, AuditEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableSchema.ENTITY, AttributeValue.fromS(FeedbackItems.ENTITY));
        item.put("id", AttributeValue.fromS(id));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        if (event != null) {
            item.put(ChangeAudit.ATTRIBUTE, AttributeValue.fromM(AuditEventAttributes.toAttributes(event)));
        }
        return item;
    }

    @Test
    void eachChangeIsChainedOnceAndWritesWithoutANewEventChainNothing() {
        String id = Ids.newId(Instant.now());
        AuditEvent acknowledged = AuditEvent.change(2, "ACKNOWLEDGE", Instant.now(), STAFF, Map.of("to", "ACCEPTED"));
        AuditEvent replied = AuditEvent.change(3, "REPLY", Instant.now(), STAFF, Map.of("internalNote", "已电话核实"));
        Map<String, AttributeValue> submitted = image(id, 1, null);
        Map<String, AttributeValue> v2 = image(id, 2, acknowledged);
        Map<String, AttributeValue> v3 = image(id, 3, replied);
        // the sweep rewrites the item without an event; the notifier's outcome update keeps v3's
        Map<String, AttributeValue> swept = image(id, 4, null);

        consumer.changed(null, submitted);
        consumer.changed(submitted, v2);
        consumer.changed(submitted, v2); // the same stream record again
        consumer.changed(v2, v3);
        consumer.changed(v3, v3);
        consumer.changed(v3, swept);
        consumer.changed(Map.of(), Map.of(TableSchema.ENTITY, AttributeValue.fromS("REQUEST")));

        assertThat(audit.chain(id)).extracting(s -> s.entry().event()).containsExactly(acknowledged, replied);
    }
}
