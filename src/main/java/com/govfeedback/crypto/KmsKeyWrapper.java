package com.govfeedback.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.govfeedback.aws.Arn;
import com.govfeedback.aws.SignedHttp;
import com.govfeedback.shared.Json;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The key-encryption key in AWS KMS: {@code GenerateDataKey} (16 bytes, an SM4 key) and {@code Decrypt}, each one signed
 * JSON call ({@link SignedHttp}; the SDK's KMS client is not served at the SDK version the Quarkus BOM pins). The key
 * never leaves KMS; every call carries the encryption context {@code purpose=feedback-contact}, so a data key wrapped for
 * contact data unwraps for nothing else. KMS's yearly rotation of the key's material is transparent (same key ARN);
 * pointing the function at a new key ARN makes that the current key, and values under the old one are re-sealed lazily.
 */
public final class KmsKeyWrapper implements KeyWrapper {
    private static final Map<String, String> CONTEXT = Map.of("purpose", "feedback-contact");

    private final String keyArn;
    private final URI endpoint;
    private final SignedHttp http;

    public KmsKeyWrapper(String keyArn, URI endpoint, String region, AwsCredentialsProvider credentials) {
        this.keyArn = keyArn;
        this.endpoint = endpoint;
        this.http = new SignedHttp("kms", region, credentials);
    }

    /** For a key ARN ({@code arn:aws:kms:{region}:{account}:key/{id}}): the region and endpoint come from the ARN. */
    public static KmsKeyWrapper forKey(String keyArn, AwsCredentialsProvider credentials) {
        Arn arn = Arn.parse(keyArn, "kms");
        if (!arn.resource().startsWith("key/")) {
            throw new IllegalArgumentException("not a KMS key ARN (an alias will not do: the ARN is recorded with each value): " + keyArn);
        }
        return new KmsKeyWrapper(keyArn, arn.endpoint(), arn.region(), credentials);
    }

    @Override
    public String currentKeyId() {
        return keyArn;
    }

    @Override
    public DataKey newDataKey() {
        ObjectNode request = Json.mapper().createObjectNode().put("KeyId", keyArn).put("NumberOfBytes", Sm4.KEY_BYTES);
        request.set("EncryptionContext", Json.mapper().valueToTree(CONTEXT));
        JsonNode answer = call("GenerateDataKey", request);
        return new DataKey(bytes(answer, "Plaintext"), new WrappedKey(keyArn, bytes(answer, "CiphertextBlob")));
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped) {
        ObjectNode request = Json.mapper().createObjectNode().put("KeyId", wrapped.kekId())
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(wrapped.blob()));
        request.set("EncryptionContext", Json.mapper().valueToTree(CONTEXT));
        return bytes(call("Decrypt", request), "Plaintext");
    }

    private JsonNode call(String operation, ObjectNode request) {
        SignedHttp.Response response;
        try {
            response = http.send(SdkHttpMethod.POST, endpoint, Map.of("Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "TrentService." + operation), Json.mapper().writeValueAsBytes(request));
            if (!response.ok()) {
                throw new SignedHttp.CallFailedException("KMS " + operation + " answered " + response.status() + ": " + response.excerpt());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("KMS " + operation + ": unreadable JSON", e);
        }
    }

    private static byte[] bytes(JsonNode answer, String field) {
        if (!answer.hasNonNull(field)) {
            throw new SignedHttp.CallFailedException("KMS answered without " + field);
        }
        return Base64.getDecoder().decode(answer.get(field).asText());
    }
}
