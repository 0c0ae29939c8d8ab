package com.govfeedback.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907-2016) through BouncyCastle's lightweight engine, which needs no JCA provider and so nothing looked up
 * by reflection: the bare block cipher (what the standard's test vectors exercise) and GCM, the authenticated mode every
 * sealed value uses (SM4-GCM as in RFC 8998), so a changed ciphertext or a ciphertext moved to another item fails to open.
 */
public final class Sm4 {
    public static final int KEY_BYTES = 16;
    public static final int BLOCK_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Sm4() {
    }

    /** One 16-byte block encrypted with a 16-byte key (ECB of one block: for test vectors, never for data). */
    public static byte[] encryptBlock(byte[] key, byte[] block) {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[BLOCK_BYTES];
        engine.processBlock(block, 0, out, 0);
        return out;
    }

    /** {@code plain} encrypted and authenticated together with {@code aad}; the answer is ciphertext then the 16-byte tag. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plain) {
        return gcm(true, key, nonce, aad, plain);
    }

    /** The plaintext of {@link #seal}; {@link SealBrokenException} when the ciphertext, the tag or the {@code aad} differ. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        return gcm(false, key, nonce, aad, sealed);
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int written = gcm.processBytes(input, 0, input.length, out, 0);
        try {
            gcm.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            // only opening checks a tag
            throw new SealBrokenException("the sealed value does not open with its key and context: altered or moved", e);
        }
        return out;
    }

    /** A sealed value that does not authenticate. */
    public static final class SealBrokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealBrokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
