package com.govfeedback.api;

import java.io.IOException;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.auth.Caller;
import com.govfeedback.auth.TokenRules;
import com.govfeedback.shared.Json;
import com.govfeedback.shared.UnauthorizedException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turns the verified bearer token of the current request into the core's {@link Caller}. The claims are read from the
 * token's own JSON, so {@link TokenRules} sees their JSON types as the issuer wrote them.
 */
@RequestScoped
public class Callers {
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    TokenRules rules;

    public Caller current() {
        if (identity.isAnonymous() || token.getRawToken() == null) {
            throw new UnauthorizedException("a bearer token with a subject is required");
        }
        return rules.caller(claims(token.getRawToken()));
    }

    /** The payload of a token whose signature, issuer, audience and lifetime SmallRye JWT has already checked. */
    private static JsonNode claims(String rawToken) {
        String[] parts = rawToken.split("\\.");
        try {
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException unreadable) {
            throw new UnauthorizedException("the bearer token's claims cannot be read");
        }
    }
}
