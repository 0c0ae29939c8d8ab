package com.govfeedback.audit;

import static com.govfeedback.storage.Attributes.putIfPresent;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An {@link AuditEvent} as item attributes: the fields of a chain entry, and the {@code audit} map a changed feedback
 * item carries until the change is chained.
 */
public final class AuditEventAttributes {
    private AuditEventAttributes() {
    }

    public static Map<String, AttributeValue> toAttributes(AuditEvent event) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("eventId", s(event.eventId()));
        m.put("action", s(event.action()));
        m.put("at", s(event.at().toString()));
        m.put("actor", s(event.actor()));
        m.put("role", s(event.role()));
        putIfPresent(m, "department", event.department());
        Map<String, AttributeValue> details = new HashMap<>();
        event.details().forEach((name, value) -> details.put(name, s(value)));
        m.put("details", AttributeValue.fromM(details));
        return m;
    }

    public static AuditEvent fromAttributes(Map<String, AttributeValue> m) {
        SortedMap<String, String> details = new TreeMap<>();
        AttributeValue stored = m.get("details");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((name, value) -> details.put(name, value.s()));
        }
        return new AuditEvent(string(m, "eventId"), string(m, "action"), Instant.parse(string(m, "at")), string(m, "actor"),
                string(m, "role"), string(m, "department"), details);
    }
}
