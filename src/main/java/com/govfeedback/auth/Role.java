package com.govfeedback.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * Who a caller is to the service; carried in the token's {@code groups} claim in lower case. OPTIMISATION_OFFICE is the
 * city's optimisation office (城市优化办), which manages improvements city-wide (claim {@code optimisation-office}).
 */
public enum Role {
    CITIZEN, STAFF, SUPERVISOR, ADMIN, OPTIMISATION_OFFICE;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
