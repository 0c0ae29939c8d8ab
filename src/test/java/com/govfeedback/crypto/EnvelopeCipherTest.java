package com.govfeedback.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.govfeedback.testing.MutableClock;

/** Envelope encryption with the local key files: made on first use, one data key per period, rotation. */
class EnvelopeCipherTest {
    private static final byte[] AAD = "FEEDBACK#01J|contact.phone".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path keys;

    @Test
    void theFirstKeyIsMadeOnFirstUseReadableByItsOwnerOnly() throws IOException {
        LocalKeyFiles files = new LocalKeyFiles(keys.resolve("contact"));
        assertThat(files.currentKeyId()).isEqualTo("local:v1");
        Path key = keys.resolve("contact/v1.key");
        assertThat(Files.readString(key).strip()).matches("[0-9a-f]{32}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void aSealedValueOpensAndNeverShowsThePlaintext() {
        EnvelopeCipher cipher = new EnvelopeCipher(new LocalKeyFiles(keys), Duration.ofHours(1), new MutableClock(Instant.EPOCH));
        Sealed sealed = cipher.seal("13812345678".getBytes(StandardCharsets.UTF_8), AAD);

        assertThat(sealed.key().kekId()).isEqualTo("local:v1");
        assertThat(new String(sealed.nonceAndText(), StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
        assertThat(new String(cipher.open(sealed, AAD), StandardCharsets.UTF_8)).isEqualTo("13812345678");
        assertThatThrownBy(() -> cipher.open(sealed, "FEEDBACK#other|contact.phone".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Sm4.SealBrokenException.class);
    }

    @Test
    void oneDataKeyServesAPeriodThenANewOneIsMade() {
        AtomicInteger made = new AtomicInteger();
        LocalKeyFiles files = new LocalKeyFiles(keys);
        KeyWrapper counting = new KeyWrapper() {
            @Override
            public String currentKeyId() {
                return files.currentKeyId();
            }

            @Override
            public DataKey newDataKey() {
                made.incrementAndGet();
                return files.newDataKey();
            }

            @Override
            public byte[] unwrap(WrappedKey wrapped) {
                return files.unwrap(wrapped);
            }
        };
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));
        EnvelopeCipher cipher = new EnvelopeCipher(counting, Duration.ofHours(1), clock);
        Sealed first = cipher.seal(new byte[] { 1 }, AAD);
        Sealed second = cipher.seal(new byte[] { 2 }, AAD);
        clock.advance(Duration.ofHours(1));
        Sealed third = cipher.seal(new byte[] { 3 }, AAD);

        assertThat(made).hasValue(2);
        assertThat(second.key().blob()).isEqualTo(first.key().blob());
        assertThat(third.key().blob()).isNotEqualTo(first.key().blob());
        // another process (no cached data keys) opens all three through the key file
        EnvelopeCipher elsewhere = new EnvelopeCipher(new LocalKeyFiles(keys), Duration.ofHours(1), clock);
        assertThat(elsewhere.open(first, AAD)).containsExactly(1);
        assertThat(elsewhere.open(third, AAD)).containsExactly(3);
    }

    @Test
    void afterRotationNewValuesUseTheNewVersionAndOldOnesStillOpen() {
        LocalKeyFiles files = new LocalKeyFiles(keys);
        EnvelopeCipher cipher = new EnvelopeCipher(files, Duration.ofHours(1), new MutableClock(Instant.EPOCH));
        Sealed old = cipher.seal("13812345678".getBytes(StandardCharsets.UTF_8), AAD);

        assertThat(files.rotate()).isEqualTo("local:v2");

        assertThat(cipher.isCurrent(old)).isFalse();
        Sealed fresh = cipher.seal("13812345678".getBytes(StandardCharsets.UTF_8), AAD);
        assertThat(fresh.key().kekId()).isEqualTo("local:v2");
        assertThat(cipher.isCurrent(fresh)).isTrue();
        EnvelopeCipher restarted = new EnvelopeCipher(new LocalKeyFiles(keys), Duration.ofHours(1), new MutableClock(Instant.EPOCH));
        assertThat(restarted.open(old, AAD)).asString(StandardCharsets.UTF_8).isEqualTo("13812345678");
        assertThat(restarted.isCurrent(old)).isFalse();
    }
}
