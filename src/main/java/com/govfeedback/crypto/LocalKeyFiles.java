package com.govfeedback.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The key-encryption key of the local runtime and tests: SM4 keys in files {@code v1.key}, {@code v2.key} … (32 hex digits)
 * in one folder (under {@code .local/keys}, which git ignores). The highest version wraps new data keys; every version
 * still unwraps. The first version is made on first use; {@link #rotate} (or {@code make contact-key-rotate}) adds the next,
 * which a running process takes up at its next use (one file lookup).
 */
public final class LocalKeyFiles implements KeyWrapper {
    private static final String ID_PREFIX = "local:v";
    private static final Pattern FILE = Pattern.compile("v(\\d+)\\.key");

    private final Path dir;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<Integer, byte[]> loaded = new ConcurrentHashMap<>();
    private int current;

    public LocalKeyFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public String currentKeyId() {
        return ID_PREFIX + currentVersion();
    }

    @Override
    public DataKey newDataKey() {
        int version = currentVersion();
        byte[] plain = new byte[Sm4.KEY_BYTES];
        random.nextBytes(plain);
        byte[] nonce = new byte[Sm4.NONCE_BYTES];
        random.nextBytes(nonce);
        String kekId = ID_PREFIX + version;
        byte[] sealed = Sm4.seal(key(version), nonce, kekId.getBytes(StandardCharsets.UTF_8), plain);
        byte[] blob = Arrays.copyOf(nonce, nonce.length + sealed.length);
        System.arraycopy(sealed, 0, blob, nonce.length, sealed.length);
        return new DataKey(plain, new WrappedKey(kekId, blob));
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped) {
        if (!wrapped.kekId().startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("not wrapped by a local key file: " + wrapped.kekId());
        }
        int version = Integer.parseInt(wrapped.kekId().substring(ID_PREFIX.length()));
        byte[] blob = wrapped.blob();
        return Sm4.open(key(version), Arrays.copyOf(blob, Sm4.NONCE_BYTES), wrapped.kekId().getBytes(StandardCharsets.UTF_8),
                Arrays.copyOfRange(blob, Sm4.NONCE_BYTES, blob.length));
    }

    /** {@code make contact-key-rotate}: adds the next version in the folder given (.local/keys/contact) and prints its id. */
    public static void main(String[] args) {
        System.out.println("callback phones are now sealed under " + new LocalKeyFiles(Path.of(args[0])).rotate());
    }

    /** Adds the next key version, which wraps every data key from now on; answers its id. */
    public synchronized String rotate() {
        int next = highestVersion() + 1;
        write(next);
        current = next;
        return ID_PREFIX + next;
    }

    private synchronized int currentVersion() {
        if (current == 0) {
            if (highestVersion() == 0) {
                write(1);
            }
            current = highestVersion();
        }
        while (Files.exists(dir.resolve("v" + (current + 1) + ".key"))) {
            current++;
        }
        return current;
    }

    private int highestVersion() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> FILE.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the key folder " + dir, e);
        }
    }

    private byte[] key(int version) {
        return loaded.computeIfAbsent(version, v -> {
            try {
                return HexFormat.of().parseHex(Files.readString(dir.resolve("v" + v + ".key")).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("the key-encryption key version " + v + " is missing from " + dir, e);
            }
        });
    }

    private void write(int version) {
        byte[] key = new byte[Sm4.KEY_BYTES];
        random.nextBytes(key);
        Path file = dir.resolve("v" + version + ".key");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (FileAlreadyExistsException raced) {
            // another process made this version first: use its key
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key-encryption key " + file, e);
        }
    }
}
