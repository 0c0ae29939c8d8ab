package com.govfeedback.crypto;

/**
 * A data key encrypted under a key-encryption key.
 *
 * @param kekId which key-encryption key (and version) wrapped it: {@code local:v2}, or a KMS key ARN
 * @param blob  the wrapped key as the key-encryption key's owner returned it
 */
public record WrappedKey(String kekId, byte[] blob) {
}
