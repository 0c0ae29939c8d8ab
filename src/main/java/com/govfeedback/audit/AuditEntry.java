package com.govfeedback.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.govfeedback.crypto.Sm3;
import com.govfeedback.shared.Json;

/**
 * One link of a case's audit chain: the event, where it stands ({@code seq}, from 1), when it was recorded, and the SM3
 * hash over the previous entry's hash and this entry's canonical text. Changing any field, removing an entry or moving
 * one to another place breaks the hash or the link to the next one.
 *
 * @param recordedAt when the entry was appended (its day is the day whose anchor covers it)
 */
public record AuditEntry(String caseId, long seq, AuditEvent event, Instant recordedAt, String previousHash, String hash) {
    /** The previous hash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The entry after {@code previous} (null: the first), with its hash. */
    public static AuditEntry after(AuditEntry previous, String caseId, AuditEvent event, Instant recordedAt) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        return new AuditEntry(caseId, seq, event, recordedAt, previousHash, hashOf(previousHash, caseId, seq, event, recordedAt));
    }

    /** The hash this entry's content and previous hash call for; differs from {@link #hash} when either was changed. */
    public String expectedHash() {
        return hashOf(previousHash, caseId, seq, event, recordedAt);
    }

    private static String hashOf(String previousHash, String caseId, long seq, AuditEvent event, Instant recordedAt) {
        return Sm3.hex(previousHash + "\n" + canonical(caseId, seq, event, recordedAt));
    }

    /** Every field in a fixed order as compact JSON (details sorted by name): the text the hash covers. */
    static String canonical(String caseId, long seq, AuditEvent event, Instant recordedAt) {
        ObjectNode text = Json.mapper().createObjectNode();
        text.put("caseId", caseId).put("seq", seq).put("eventId", event.eventId()).put("action", event.action())
                .put("at", event.at().toString()).put("recordedAt", recordedAt.toString()).put("actor", event.actor())
                .put("role", event.role()).put("department", event.department());
        ObjectNode details = text.putObject("details");
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            details.put(detail.getKey(), detail.getValue());
        }
        try {
            return Json.mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
