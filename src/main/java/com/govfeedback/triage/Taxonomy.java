package com.govfeedback.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.Json;
import com.govfeedback.sla.Colour;

/**
 * The feedback types with their urgency colour, the business domains with their responsible
 * department, and the topic tags with their keywords, read from {@code triage/taxonomy.json} or
 * from an operator's file, and validated on load.
 */
public final class Taxonomy {
    public static final String RESOURCE = "/triage/taxonomy.json";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** An urgency colour and its name in the taxonomy's language. */
    public record ColourName(Colour colour, String name) {
    }

    public record FeedbackType(String code, String name, Colour colour) {
    }

    public record Domain(String code, String name, String departmentCode, String departmentName) {
    }

    public record Tag(String code, String name, List<String> keywords) {
    }

    private final Map<Colour, ColourName> colours;
    private final Map<String, FeedbackType> types;
    private final Map<String, Domain> domains;
    private final Map<String, Tag> tags;

    private Taxonomy(Map<Colour, ColourName> colours, Map<String, FeedbackType> types, Map<String, Domain> domains,
            Map<String, Tag> tags) {
        this.colours = colours;
        this.types = types;
        this.domains = domains;
        this.tags = tags;
    }

    public static Taxonomy loadDefault() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidTaxonomyException("missing classpath resource " + RESOURCE);
            }
            return parse(Json.mapper().readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new InvalidTaxonomyException(RESOURCE + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads an operator's taxonomy file; the source of every error is named in the message. */
    public static Taxonomy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(Json.mapper().readTree(in), file.toString());
        } catch (IOException e) {
            throw new InvalidTaxonomyException(file + " cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    static Taxonomy parse(JsonNode root, String source) {
        Reader reader = new Reader(source);
        Map<Colour, ColourName> colours = new LinkedHashMap<>();
        reader.each(root, "colours", (entry, where) -> {
            Colour colour = reader.colour(entry, "code", where);
            if (colours.containsKey(colour)) {
                throw reader.error(where, "colour " + colour + " is listed twice");
            }
            colours.put(colour, new ColourName(colour, reader.text(entry, "name", where)));
        });
        Map<String, FeedbackType> types = new LinkedHashMap<>();
        reader.each(root, "types", (entry, where) -> {
            String code = reader.code(entry, where, types.keySet());
            Colour colour = reader.colour(entry, "colour", where);
            if (!colours.containsKey(colour)) {
                throw reader.error(where, "colour " + colour + " is not one of " + colours.keySet());
            }
            types.put(code, new FeedbackType(code, reader.text(entry, "name", where), colour));
        });
        Map<String, Domain> domains = new LinkedHashMap<>();
        reader.each(root, "domains", (entry, where) -> {
            String code = reader.code(entry, where, domains.keySet());
            domains.put(code, new Domain(code, reader.text(entry, "name", where),
                    reader.text(entry, "departmentCode", where), reader.text(entry, "departmentName", where)));
        });
        Map<String, Tag> tags = new LinkedHashMap<>();
        reader.each(root, "tags", (entry, where) -> {
            String code = reader.code(entry, where, tags.keySet());
            JsonNode keywords = entry.get("keywords");
            List<String> words = new ArrayList<>();
            if (keywords != null && keywords.isArray()) {
                keywords.forEach(k -> {
                    if (!k.asText().isBlank()) {
                        words.add(k.asText());
                    }
                });
            }
            if (words.isEmpty()) {
                throw reader.error(where, "needs a non-empty array of keywords");
            }
            tags.put(code, new Tag(code, reader.text(entry, "name", where), List.copyOf(words)));
        });
        return new Taxonomy(Map.copyOf(colours), types, domains, tags);
    }

    /** Walks one array of the file and turns a missing or malformed field into a message naming the entry. */
    private record Reader(String source) {
        interface EntryHandler {
            void accept(JsonNode entry, String where);
        }

        void each(JsonNode root, String array, EntryHandler handler) {
            JsonNode entries = root == null ? null : root.get(array);
            if (entries == null || !entries.isArray() || entries.isEmpty()) {
                throw new InvalidTaxonomyException(source + ": '" + array + "' must be a non-empty array");
            }
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                JsonNode code = entry.get("code");
                handler.accept(entry, array + "[" + i + "]" + (code == null ? "" : " (" + code.asText() + ")"));
            }
        }

        String code(JsonNode entry, String where, java.util.Set<String> seen) {
            String code = text(entry, "code", where);
            if (!CODE.matcher(code).matches()) {
                throw error(where, "code must be UPPER_SNAKE_CASE");
            }
            if (seen.contains(code)) {
                throw error(where, "code is used twice");
            }
            return code;
        }

        String text(JsonNode entry, String field, String where) {
            JsonNode value = entry.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw error(where, "'" + field + "' is missing or blank");
            }
            return value.asText();
        }

        /** One of the four urgency colours the deadline rules know (sla/policy.json), by its code. */
        Colour colour(JsonNode entry, String field, String where) {
            String code = text(entry, field, where);
            try {
                return Colour.valueOf(code);
            } catch (IllegalArgumentException unknown) {
                throw error(where, field + " " + code + " is not one of " + java.util.Arrays.toString(Colour.values()));
            }
        }

        InvalidTaxonomyException error(String where, String problem) {
            return new InvalidTaxonomyException(source + ": " + where + ": " + problem);
        }
    }

    public List<FeedbackType> types() {
        return List.copyOf(types.values());
    }

    public List<Domain> domains() {
        return List.copyOf(domains.values());
    }

    /** The departments feedback may be routed to: those responsible for a domain. */
    public Set<String> departmentCodes() {
        return domains.values().stream().map(Domain::departmentCode).collect(Collectors.toUnmodifiableSet());
    }

    public List<Tag> tags() {
        return List.copyOf(tags.values());
    }

    public List<ColourName> colours() {
        return List.copyOf(colours.values());
    }

    public FeedbackType type(String code) {
        return require(types, code, "type");
    }

    public Domain domain(String code) {
        return require(domains, code, "domain");
    }

    public boolean hasType(String code) {
        return types.containsKey(code);
    }

    public boolean hasDomain(String code) {
        return domains.containsKey(code);
    }

    private static <T> T require(Map<String, T> entries, String code, String kind) {
        T entry = entries.get(code);
        if (entry == null) {
            throw new IllegalArgumentException("unknown " + kind + " code " + code);
        }
        return entry;
    }
}
