package com.govfeedback.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.govfeedback.auth.Role;
import com.govfeedback.devtoken.DevTokenIssuer;

/** Signed tokens for tests, from the key pair the API under test trusts. */
final class Tokens {
    private Tokens() {
    }

    static String citizen(String subject) {
        return LocalStoreResource.tokens.issue(Role.CITIZEN, subject, null, Duration.ofMinutes(10));
    }

    /** A citizen no other test uses, so quotas and listings start empty. */
    static String freshCitizen() {
        return citizen("citizen-" + UUID.randomUUID());
    }

    static String staff(String department) {
        return LocalStoreResource.tokens.issue(Role.STAFF, "staff-" + UUID.randomUUID(), department, Duration.ofMinutes(10));
    }

    static String supervisor(String department) {
        return LocalStoreResource.tokens.issue(Role.SUPERVISOR, "sup-" + UUID.randomUUID(), department, Duration.ofMinutes(10));
    }

    /** The city's optimisation office: manages improvements city-wide. */
    static String office() {
        return LocalStoreResource.tokens.issue(Role.OPTIMISATION_OFFICE, "office-" + UUID.randomUUID(), null, Duration.ofMinutes(10));
    }

    /**
     * A token of the development issuer with the given claims besides {@code iss}, {@code aud}, {@code iat} and
     * {@code exp} (and a fresh {@code sub} unless they name one), e.g. to try other claim names or wrong claim types.
     */
    static String withClaims(String claimsJson) {
        long now = Instant.now().getEpochSecond();
        String subject = claimsJson.contains("\"sub\":") ? "" : "\"sub\":\"" + UUID.randomUUID() + "\",";
        return LocalStoreResource.tokens.sign("{\"iss\":\"" + DevTokenIssuer.ISSUER + "\",\"aud\":\"" + DevTokenIssuer.AUDIENCE + "\"," + subject
                + "\"iat\":" + now + ",\"exp\":" + (now + 600) + "," + claimsJson + "}");
    }
}
