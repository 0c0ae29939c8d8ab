package com.govfeedback.feedback.store;

import java.nio.ByteBuffer;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A similarity signature as stored on a feedback item and on its band entries: the longs as one binary value. */
public final class SignatureAttribute {
    private SignatureAttribute() {
    }

    public static AttributeValue encode(long[] signature) {
        ByteBuffer bytes = ByteBuffer.allocate(signature.length * Long.BYTES);
        for (long value : signature) {
            bytes.putLong(value);
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes.array()));
    }

    public static long[] decode(AttributeValue value) {
        ByteBuffer bytes = value.b().asByteBuffer();
        long[] signature = new long[bytes.remaining() / Long.BYTES];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = bytes.getLong();
        }
        return signature;
    }
}
