package com.govfeedback.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;

/** A function.zip on disk and what kind of Quarkus build it holds: a native one has {@code bootstrap} at its root. */
public record FunctionArtifact(Path zip, FunctionRuntime builtFor) {

    /** The artifact at {@code zip}, or empty when the module has not been packaged (or does not exist yet). */
    public static Optional<FunctionArtifact> find(Path zip) {
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            FunctionRuntime kind = file.getEntry("bootstrap") != null ? FunctionRuntime.NATIVE : FunctionRuntime.JVM;
            return Optional.of(new FunctionArtifact(zip, kind));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip + " as a zip", e);
        }
    }
}
