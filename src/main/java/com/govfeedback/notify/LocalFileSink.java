package com.govfeedback.notify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.govfeedback.shared.Json;

/**
 * The local channel ({@code make run}): appends one JSON line per delivered notification ({@code id, event, feedbackId,
 * recipient, channel, title, body, deliveredAt}) to a file, {@code .local/notifications.jsonl} by default. An id already in
 * the file is not written again, so the file shows each notification exactly once.
 */
public final class LocalFileSink implements Channel {
    public static final String NAME = "local-file";

    private final Path file;
    private final Clock clock;
    private final Set<String> written = new HashSet<>();

    public LocalFileSink(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        for (String line : existingLines(file)) {
            try {
                JsonNode id = Json.mapper().readTree(line).get("id");
                if (id != null) {
                    written.add(id.asText());
                }
            } catch (JsonProcessingException damaged) {
                // a line cut short by a crash: it names no delivery
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void send(Outgoing message) {
        if (written.contains(message.id())) {
            return;
        }
        ObjectNode line = Json.mapper().createObjectNode()
                .put("id", message.id())
                .put("event", message.event().name())
                .put("feedbackId", message.feedbackId())
                .put("recipient", message.recipient().key())
                .put("channel", NAME)
                .put("title", message.title())
                .put("body", message.body())
                .put("deliveredAt", clock.instant().toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(Json.mapper().writeValueAsString(line));
                out.newLine();
            }
        } catch (IOException e) {
            throw new ChannelException("could not append to " + file, e);
        }
        written.add(message.id());
    }

    private static List<String> existingLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
