package com.govfeedback.devtoken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;

/**
 * Signs RS256 development tokens for the local API, with only the JDK. The key pair is generated on
 * first use into a git-ignored folder and never leaves the machine; the local API verifies with the
 * public half. In the cloud, tokens come from the city's identity provider instead.
 *
 * <p>{@code make token} runs {@link #main}: {@code KEY_DIR ROLE SUBJECT [DEPARTMENT]}.
 */
public final class DevTokenIssuer {
    public static final String ISSUER = "https://dev.feedback.local";
    public static final String AUDIENCE = "feedback-api";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;

    public DevTokenIssuer(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** Loads the key pair from {@code keyDir}, creating it (private key readable by the owner only) when missing. */
    public static DevTokenIssuer fromKeyDirectory(Path keyDir) throws IOException, GeneralSecurityException {
        Path privatePem = keyDir.resolve("private.pem");
        Path publicPem = keyDir.resolve("public.pem");
        if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
            Files.createDirectories(keyDir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder is git-ignored either way
            }
        }
        String body = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        return new DevTokenIssuer(key);
    }

    public String issue(Role role, String subject, String department, Duration lifetime) {
        if (role.needsDepartment() && (department == null || department.isBlank())) {
            throw new IllegalArgumentException(role.claimValue() + " tokens need a department (DEPT=<department code>)");
        }
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":").append(quote(ISSUER))
                .append(",\"aud\":").append(quote(AUDIENCE))
                .append(",\"sub\":").append(quote(subject))
                .append(",\"upn\":").append(quote(subject))
                .append(",\"groups\":[").append(quote(role.claimValue())).append(']')
                .append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(lifetime).getEpochSecond())
                .append(",\"jti\":").append(quote(UUID.randomUUID().toString()));
        if (department != null && !department.isBlank()) {
            claims.append(",\"").append(Caller.DEPARTMENT_CLAIM).append("\":").append(quote(department));
        }
        claims.append('}');
        return sign(claims.toString());
    }

    /** Signs any claims (RS256), e.g. to try the API with another identity provider's claim names. */
    public String sign(String claimsJson) {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claimsJson);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
    }

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DevTokenIssuer KEY_DIR ROLE SUBJECT [DEPARTMENT]   (ROLE: citizen, staff, supervisor, admin)");
            System.exit(2);
        }
        Role role = Role.fromClaim(args[1]).orElse(null);
        if (role == null) {
            System.err.println("unknown ROLE '" + args[1] + "': use citizen, staff, supervisor or admin");
            System.exit(2);
        }
        String department = args.length > 3 ? args[3] : null;
        try {
            System.out.println(fromKeyDirectory(Path.of(args[0])).issue(role, args[2], department, Duration.ofHours(12)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
