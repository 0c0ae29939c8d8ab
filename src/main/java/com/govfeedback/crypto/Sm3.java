package com.govfeedback.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905-2016), the 256-bit hash of the audit chain, through BouncyCastle's lightweight digest. */
public final class Sm3 {
    private Sm3() {
    }

    public static byte[] digest(byte[] data) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }

    /** The digest of the UTF-8 text, as 64 lower-case hex digits. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
