package com.govfeedback.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.govfeedback.crypto.Sm3;
import com.govfeedback.shared.Json;

/**
 * A day's anchor: the head (last entry recorded that day) of every chain that grew that day, and one SM3 hash over them
 * and the previous day's anchor, written where it cannot be rewritten. An entry recorded on or before an anchored day
 * cannot be edited, removed or reordered without its chain disagreeing with the anchor.
 *
 * @param previous the previous day's anchor hash ({@link AuditEntry#GENESIS} for the first anchor)
 * @param heads    sorted by case id
 */
public record Anchor(LocalDate day, String previous, List<Head> heads, String hash) {

    /** The last entry of one chain recorded on the day. */
    public record Head(String caseId, long seq, String hash) {
    }

    public Anchor {
        heads = List.copyOf(heads);
    }

    public static Anchor of(LocalDate day, String previous, List<Head> heads) {
        List<Head> sorted = heads.stream().sorted(Comparator.comparing(Head::caseId)).toList();
        return new Anchor(day, previous, sorted, hashOf(day, previous, sorted));
    }

    /** Whether the hash still matches the heads and the previous hash (a file edited by hand does not). */
    public boolean intact() {
        return hash.equals(hashOf(day, previous, heads));
    }

    private static String hashOf(LocalDate day, String previous, List<Head> heads) {
        return Sm3.hex(day + "\n" + previous + "\n"
                + heads.stream().map(h -> h.caseId() + " " + h.seq() + " " + h.hash()).collect(Collectors.joining("\n")));
    }

    public byte[] toJson() {
        ObjectNode json = Json.mapper().createObjectNode().put("day", day.toString()).put("previous", previous).put("hash", hash);
        ArrayNode list = json.putArray("heads");
        heads.forEach(h -> list.addObject().put("caseId", h.caseId()).put("seq", h.seq()).put("hash", h.hash()));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Anchor fromJson(byte[] bytes) {
        try {
            JsonNode json = Json.mapper().readTree(bytes);
            List<Head> heads = new ArrayList<>();
            json.path("heads").forEach(h -> heads.add(new Head(h.path("caseId").asText(), h.path("seq").asLong(), h.path("hash").asText())));
            return new Anchor(LocalDate.parse(json.path("day").asText()), json.path("previous").asText(), heads, json.path("hash").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("an anchor that is not JSON", e);
        }
    }
}
