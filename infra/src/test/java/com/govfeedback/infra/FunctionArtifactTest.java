package com.govfeedback.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function.zip that carries the development token issuer (the tools module, or the local server's sign-in) is refused
 * before anything is deployed, whether it is a JVM build (classes in the jars under lib/ and app/) or a native one (the
 * class names inside the executable).
 */
class FunctionArtifactTest {
    @TempDir
    Path dir;

    private static byte[] zipOf(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path functionZip(String name, Map<String, byte[]> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(zipOf(entries));
        }
        return zip;
    }

    private static Map<String, byte[]> entries(Object... pairs) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.put((String) pairs[i], pairs[i + 1] instanceof byte[] b ? b : ((String) pairs[i + 1]).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    @Test
    void aJvmBuildWithoutTheIssuerIsFoundAsAJvmArtifact() throws IOException {
        Path zip = functionZip("clean.zip", entries("lib/main/com.govfeedback.feedback-core-1.0.0-SNAPSHOT.jar",
                zipOf(entries("com/govfeedback/auth/Caller.class", "x")), "app/feedback-api-1.0.0-SNAPSHOT.jar",
                zipOf(entries("com/govfeedback/api/Callers.class", "x")), "quarkus-run.jar", "x"));
        assertThat(FunctionArtifact.find(zip)).hasValueSatisfying(found -> assertThat(found.builtFor()).isEqualTo(FunctionRuntime.JVM));
    }

    @Test
    void theToolsModuleOrTheIssuersClassesInAnyJarAreRefused() throws IOException {
        Path withToolsJar = functionZip("tools.zip", entries("lib/main/com.govfeedback.feedback-tools-1.0.0-SNAPSHOT.jar",
                zipOf(entries("com/govfeedback/devtoken/DevTokenIssuer.class", "x"))));
        Path withRepackagedIssuer = functionZip("issuer.zip", entries("lib/main/other.jar",
                zipOf(entries("com/govfeedback/devtoken/DevTokenIssuer.class", "x"))));
        Path withLocalSignIn = functionZip("sign-in.zip", entries("app/feedback-api-1.0.0-SNAPSHOT.jar",
                zipOf(entries("com/govfeedback/api/DevSignIn.class", "x"))));
        for (Path zip : new Path[] { withToolsJar, withRepackagedIssuer, withLocalSignIn }) {
            assertThatThrownBy(() -> FunctionArtifact.find(zip)).as(zip.getFileName().toString())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("development token issuer").hasMessageContaining(zip.toString());
        }
    }

    @Test
    void aNativeExecutableNamingTheIssuersClassesIsRefused() throws IOException {
        byte[] executable = new byte[300_000];
        byte[] name = "com.govfeedback.devtoken.DevTokenIssuer".getBytes(StandardCharsets.US_ASCII);
        // across the boundary of the reader's buffer, where a naive chunked search would miss it
        System.arraycopy(name, 0, executable, 65_536 - 10, name.length);
        Path zip = functionZip("native.zip", entries("bootstrap", executable));
        assertThatThrownBy(() -> FunctionArtifact.find(zip)).isInstanceOf(IllegalStateException.class).hasMessageContaining("development token issuer");
        assertThat(FunctionArtifact.find(functionZip("native-clean.zip", entries("bootstrap", new byte[300_000]))))
                .hasValueSatisfying(found -> assertThat(found.builtFor()).isEqualTo(FunctionRuntime.NATIVE));
    }
}
