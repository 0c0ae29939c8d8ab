package com.govfeedback.auth;

import java.util.Locale;
import java.util.Optional;

/** Who a caller is to the service; carried in the token's {@code groups} claim in lower case. */
public enum Role {
    CITIZEN, STAFF, SUPERVISOR, ADMIN;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Staff and supervisors work for one department; the others act city-wide or for themselves. */
    public boolean needsDepartment() {
        return this == STAFF || this == SUPERVISOR;
    }
}
