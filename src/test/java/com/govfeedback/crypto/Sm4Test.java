package com.govfeedback.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** SM4 against GB/T 32907-2016 appendix A, and the authenticated mode sealed values use. */
class Sm4Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("0123456789abcdeffedcba9876543210");

    @Test
    void theStandardsFirstExample() {
        assertThat(HEX.formatHex(Sm4.encryptBlock(KEY, KEY))).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    /**
     * Example 2: the plaintext encrypted 1,000,000 times with the same key, on the engine {@link Sm4} uses with the key
     * schedule made once (about a second; a fresh schedule per block would take five).
     */
    @Test
    void theStandardsMillionFoldExample() {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(KEY));
        byte[] block = KEY.clone();
        for (int i = 0; i < 1_000_000; i++) {
            engine.processBlock(block, 0, block, 0);
        }
        assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyNonceAndContext() {
        byte[] nonce = HEX.parseHex("00112233445566778899aabb");
        byte[] aad = "FEEDBACK#1|contact.phone".getBytes(StandardCharsets.UTF_8);
        byte[] plain = "13812345678".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Sm4.seal(KEY, nonce, aad, plain);

        assertThat(sealed).hasSize(plain.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
        assertThat(Sm4.open(KEY, nonce, aad, sealed)).isEqualTo(plain);

        byte[] flipped = sealed.clone();
        flipped[0] ^= 1;
        assertThatThrownBy(() -> Sm4.open(KEY, nonce, aad, flipped)).isInstanceOf(Sm4.SealBrokenException.class);
        assertThatThrownBy(() -> Sm4.open(KEY, nonce, "FEEDBACK#2|contact.phone".getBytes(StandardCharsets.UTF_8), sealed))
                .isInstanceOf(Sm4.SealBrokenException.class);
        assertThatThrownBy(() -> Sm4.open(HEX.parseHex("00000000000000000000000000000000"), nonce, aad, sealed))
                .isInstanceOf(Sm4.SealBrokenException.class);
    }
}
