package com.govfeedback.audit;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.govfeedback.auth.Caller;
import com.govfeedback.shared.Ids;

/**
 * Something done to or seen of a case, before it takes its place in the case's chain.
 *
 * @param eventId    what makes a repeat recognisable: a change is {@code change@v{version}} (the version the change wrote,
 *                   the same however often its record is delivered); a read or a reveal is {@code once:{new id}}, since each
 *                   call is its own event and a repeated call is truthfully a second one
 * @param action     ACKNOWLEDGE, TRANSITION … for changes; READ, READ_AUDIT_TRAIL, REVEAL_CONTACT for what staff saw
 * @param at         when it happened
 * @param actor      the acting subject
 * @param role       the actor's role as the token named it
 * @param department the actor's department, null for roles without one
 * @param details    what the action changed or why (status from and to, masked notes, reason), sorted by name
 */
public record AuditEvent(String eventId, String action, Instant at, String actor, String role, String department,
        SortedMap<String, String> details) {
    private static final String ONE_OFF = "once:";

    public AuditEvent {
        details = new TreeMap<>(details);
    }

    /** A change of the case, recognised by the version it wrote. */
    public static AuditEvent change(long version, String action, Instant at, Caller by, Map<String, String> details) {
        return new AuditEvent("change@v" + version, action, at, by.subject(), by.role().claimValue(), by.department(), withoutNulls(details));
    }

    /** A read or disclosure: each call one event. */
    public static AuditEvent oneOff(String action, Instant at, Caller by, Map<String, String> details) {
        return new AuditEvent(ONE_OFF + Ids.newId(at), action, at, by.subject(), by.role().claimValue(), by.department(), withoutNulls(details));
    }

    /** Whether a second delivery of this event may come (then the chain's recent entries are checked for it first). */
    public boolean mayRepeat() {
        return !eventId.startsWith(ONE_OFF);
    }

    private static SortedMap<String, String> withoutNulls(Map<String, String> details) {
        SortedMap<String, String> kept = new TreeMap<>();
        details.forEach((name, value) -> {
            if (value != null) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
