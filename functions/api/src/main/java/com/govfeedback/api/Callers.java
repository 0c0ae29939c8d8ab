package com.govfeedback.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.UnauthorizedException;

import io.quarkus.security.identity.SecurityIdentity;

/** Turns the verified bearer token of the current request into the core's {@link Caller}. */
@RequestScoped
public class Callers {
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    ApiConfig config;

    public Caller current() {
        if (identity.isAnonymous() || token.getSubject() == null || token.getSubject().isBlank()) {
            throw new UnauthorizedException("a bearer token with a subject is required");
        }
        Role role = identity.getRoles().stream().map(Role::fromClaim).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new ForbiddenException("the token grants no role of this service"));
        String department = token.getClaim(config.auth().departmentClaim());
        if (role.needsDepartment() && (department == null || department.isBlank())) {
            throw new ForbiddenException("a " + role.claimValue() + " token must name a department");
        }
        return new Caller(token.getSubject(), role, department);
    }
}
