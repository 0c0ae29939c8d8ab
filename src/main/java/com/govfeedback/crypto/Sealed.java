package com.govfeedback.crypto;

/**
 * A value sealed by {@link EnvelopeCipher}: SM4-GCM under a data key, stored with that data key wrapped under a
 * key-encryption key.
 *
 * @param key         the data key, wrapped
 * @param nonceAndText the 12-byte nonce, then the ciphertext and its 16-byte tag
 */
public record Sealed(WrappedKey key, byte[] nonceAndText) {
    /** The algorithm tag stored with each value, so a later format can be told apart. */
    public static final String ALGORITHM = "SM4-GCM";
}
