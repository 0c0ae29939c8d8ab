package com.govfeedback.crypto;

/**
 * Where the key-encryption key lives and how data keys are wrapped with it: KMS in the cloud ({@link KmsKeyWrapper}),
 * a key file locally ({@link LocalKeyFiles}). The key-encryption key never leaves it; data keys do, in plain only in memory.
 */
public interface KeyWrapper {
    /** The key-encryption key new data keys are wrapped with; a value sealed under another one is re-sealed lazily. */
    String currentKeyId();

    /** A fresh random SM4 data key, in plain and wrapped under the current key-encryption key. */
    DataKey newDataKey();

    /** The plain data key; the key-encryption key it names may be an older version. */
    byte[] unwrap(WrappedKey wrapped);

    /** @param plain the 16-byte SM4 key, to be kept in memory only */
    record DataKey(byte[] plain, WrappedKey wrapped) {
    }
}
