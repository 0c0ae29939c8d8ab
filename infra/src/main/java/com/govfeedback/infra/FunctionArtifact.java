package com.govfeedback.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import com.govfeedback.deploy.DeployNames;

/**
 * A function.zip on disk and what kind of Quarkus build it holds: a native one has {@code bootstrap} at its root. A zip
 * that carries the development token issuer ({@link DeployNames#DEVELOPMENT_ONLY_CLASSES}) is refused, so a build
 * mistake that pulled it in can never be deployed: a JVM build is searched by the class entries of its jars, a native
 * one by the class names its executable keeps.
 */
public record FunctionArtifact(Path zip, FunctionRuntime builtFor) {
    private static final String NATIVE_EXECUTABLE = "bootstrap";
    private static final List<String> ENTRY_PREFIXES = DeployNames.DEVELOPMENT_ONLY_CLASSES.stream().map(name -> name.replace('.', '/')).toList();
    private static final List<byte[]> NATIVE_NAMES = DeployNames.DEVELOPMENT_ONLY_CLASSES.stream()
            .map(name -> name.getBytes(StandardCharsets.US_ASCII)).toList();

    /** The artifact at {@code zip}, or empty when the module has not been packaged (or does not exist yet). */
    public static Optional<FunctionArtifact> find(Path zip) {
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            FunctionRuntime kind = file.getEntry(NATIVE_EXECUTABLE) != null ? FunctionRuntime.NATIVE : FunctionRuntime.JVM;
            Optional<String> found = developmentCode(file);
            if (found.isPresent()) {
                throw new IllegalStateException(zip + " carries the development token issuer (" + found.get() + "); it is never deployed. "
                        + "Package the functions without -Dlocal (make package) and keep feedback-tools out of their dependencies");
            }
            return Optional.of(new FunctionArtifact(zip, kind));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip + " as a zip", e);
        }
    }

    private static Optional<String> developmentCode(ZipFile file) throws IOException {
        for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements();) {
            ZipEntry entry = entries.nextElement();
            Optional<String> found = Optional.empty();
            if (entry.getName().endsWith(".jar")) {
                try (ZipInputStream jar = new ZipInputStream(file.getInputStream(entry))) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null && found.isEmpty(); inner = jar.getNextEntry()) {
                        found = developmentEntry(entry.getName() + "!/" + inner.getName(), inner.getName());
                    }
                }
            } else if (entry.getName().equals(NATIVE_EXECUTABLE)) {
                try (InputStream executable = file.getInputStream(entry)) {
                    found = nativeName(executable);
                }
            } else {
                found = developmentEntry(entry.getName(), entry.getName());
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> developmentEntry(String where, String name) {
        return ENTRY_PREFIXES.stream().anyMatch(name::startsWith) ? Optional.of(where) : Optional.empty();
    }

    /** Searches the executable in chunks that overlap by the longest name, so a name across two reads is found too. */
    private static Optional<String> nativeName(InputStream executable) throws IOException {
        int overlap = NATIVE_NAMES.stream().mapToInt(name -> name.length).max().orElse(0) - 1;
        byte[] buffer = new byte[(1 << 16) + overlap];
        int kept = 0;
        for (int read; (read = executable.read(buffer, kept, buffer.length - kept)) > 0;) {
            int filled = kept + read;
            for (int n = 0; n < NATIVE_NAMES.size(); n++) {
                if (indexOf(buffer, filled, NATIVE_NAMES.get(n)) >= 0) {
                    return Optional.of(NATIVE_EXECUTABLE + " names " + DeployNames.DEVELOPMENT_ONLY_CLASSES.get(n));
                }
            }
            kept = Math.min(overlap, filled);
            System.arraycopy(buffer, filled - kept, buffer, 0, kept);
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] data, int length, byte[] wanted) {
        outer:
        for (int i = 0; i <= length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (data[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
