package com.govfeedback.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local runtime's anchors: one file per day, {@code {dir}/{day}.json}, created once and then made read-only (the
 * stand-in for S3 Object Lock; on this machine its owner could still change it, which {@link Anchor#intact} reveals
 * unless the hash is recomputed too).
 */
public final class LocalAnchorFiles implements AnchorSink {
    private final Path dir;

    public LocalAnchorFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public void write(Anchor anchor) {
        Path file = dir.resolve(anchor.day() + ".json");
        try {
            Files.createDirectories(dir);
            Files.write(file, anchor.toJson(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            file.toFile().setReadOnly();
        } catch (FileAlreadyExistsException written) {
            // an earlier run wrote this day: the first anchor stands
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit anchor " + file, e);
        }
    }

    /** Every anchor written, oldest day first. */
    public List<Anchor> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(LocalAnchorFiles::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit anchors in " + dir, e);
        }
    }

    private static Anchor read(Path file) {
        try {
            return Anchor.fromJson(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor " + file, e);
        }
    }
}
