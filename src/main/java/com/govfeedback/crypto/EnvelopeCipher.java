package com.govfeedback.crypto;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Envelope encryption of single fields with SM4-GCM. A data key serves one period ({@code dataKeyLifetime}) per process
 * and is then replaced; each sealed value carries its data key wrapped under the key-encryption key, so any process opens
 * it. Unwrapped data keys are remembered (a bounded cache), so reading values sealed in the same period costs one unwrap.
 * The associated data binds a value to where it is stored (the item and field): moved elsewhere it does not open.
 */
public final class EnvelopeCipher {
    private static final int UNWRAPPED_KEPT = 256;

    private final KeyWrapper keys;
    private final Duration dataKeyLifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> unwrapped = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > UNWRAPPED_KEPT;
        }
    };
    private KeyWrapper.DataKey current;
    private Instant currentSince;

    public EnvelopeCipher(KeyWrapper keys, Duration dataKeyLifetime, Clock clock) {
        this.keys = keys;
        this.dataKeyLifetime = dataKeyLifetime;
        this.clock = clock;
    }

    public Sealed seal(byte[] plain, byte[] associatedData) {
        KeyWrapper.DataKey key = currentDataKey();
        byte[] nonce = new byte[Sm4.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = Sm4.seal(key.plain(), nonce, associatedData, plain);
        byte[] out = Arrays.copyOf(nonce, nonce.length + sealed.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return new Sealed(key.wrapped(), out);
    }

    public byte[] open(Sealed value, byte[] associatedData) {
        byte[] blob = value.nonceAndText();
        return Sm4.open(dataKey(value.key()), Arrays.copyOf(blob, Sm4.NONCE_BYTES), associatedData,
                Arrays.copyOfRange(blob, Sm4.NONCE_BYTES, blob.length));
    }

    /** Whether the value's data key is wrapped under the current key-encryption key (else it is re-sealed when next read). */
    public boolean isCurrent(Sealed value) {
        return value.key().kekId().equals(keys.currentKeyId());
    }

    private synchronized KeyWrapper.DataKey currentDataKey() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(currentSince.plus(dataKeyLifetime)) || !current.wrapped().kekId().equals(keys.currentKeyId())) {
            current = keys.newDataKey();
            currentSince = now;
            unwrapped.put(cacheKey(current.wrapped()), current.plain());
        }
        return current;
    }

    private byte[] dataKey(WrappedKey wrapped) {
        String cacheKey = cacheKey(wrapped);
        synchronized (this) {
            byte[] known = unwrapped.get(cacheKey);
            if (known != null) {
                return known;
            }
        }
        byte[] plain = keys.unwrap(wrapped);
        synchronized (this) {
            unwrapped.put(cacheKey, plain);
        }
        return plain;
    }

    private static String cacheKey(WrappedKey wrapped) {
        return wrapped.kekId() + "|" + Base64.getEncoder().encodeToString(wrapped.blob());
    }
}
