package com.govfeedback.auth;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.InsufficientAuthenticationException;
import com.govfeedback.shared.UnauthorizedException;

/**
 * What the claims of a verified token must hold to become a {@link Caller}. A claim of the wrong JSON type or size is
 * a broken token (401); a well-formed token that grants nothing usable here (no role, two roles, a department outside
 * the taxonomy) is refused (403). Two roles are refused rather than narrowed to one: the roles are not a ladder (a
 * citizen may submit, staff may not; the optimisation office reads cases, staff work them), so no role is "the least"
 * of two, and an account is given exactly one.
 */
public final class TokenRules {
    /**
     * OpenID Connect caps {@code sub} at 255 ASCII characters; counted here in UTF-8 bytes, it stays far inside what the
     * store accepts in a key (2,048 bytes for a partition key, 1,024 for a sort key) with every prefix the keys add.
     */
    public static final int MAX_SUBJECT_BYTES = 255;
    private static final String SUBJECT = "sub";
    private static final String METHODS = "amr";

    private final String groupsClaim;
    private final String departmentClaim;
    private final Set<String> departments;
    private final Set<String> secondFactors;

    /**
     * @param groupsClaim     the claim listing the token's groups ({@code groups}, Cognito's {@code cognito:groups})
     * @param departmentClaim the claim naming a staff member's department ({@code dept}, Cognito's {@code custom:dept})
     * @param departments     the taxonomy's department codes
     * @param secondFactors   {@code amr} values of which staff-side tokens must name one; empty when not required
     */
    public TokenRules(String groupsClaim, String departmentClaim, Set<String> departments, Set<String> secondFactors) {
        this.groupsClaim = groupsClaim;
        this.departmentClaim = departmentClaim;
        this.departments = Set.copyOf(departments);
        this.secondFactors = Set.copyOf(secondFactors);
    }

    public Caller caller(JsonNode claims) {
        String subject = subject(claims.get(SUBJECT));
        Role role = role(strings(claims, groupsClaim));
        String department = text(claims, departmentClaim);
        List<String> methods = strings(claims, METHODS);
        if (role.needsDepartment()) {
            if (department == null || department.isBlank()) {
                throw new ForbiddenException("a " + role.claimValue() + " token must name a department in " + departmentClaim);
            }
            if (!departments.contains(department)) {
                throw new ForbiddenException("the token's " + departmentClaim + " is not a department of the taxonomy");
            }
        }
        if (role != Role.CITIZEN && !secondFactors.isEmpty() && (methods == null || methods.stream().noneMatch(secondFactors::contains))) {
            throw new InsufficientAuthenticationException("a " + role.claimValue() + " token must come from a sign-in with a second factor: "
                    + "its amr names none of " + new TreeSet<>(secondFactors) + "; sign in again with the authenticator app");
        }
        return new Caller(subject, role, role.needsDepartment() ? department : null);
    }

    private static String subject(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UnauthorizedException("the token's sub must be a non-empty string");
        }
        String subject = value.asText();
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new UnauthorizedException("the token's subject must be printable text");
        }
        int bytes;
        try {
            bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(subject)).remaining();
        } catch (CharacterCodingException brokenUnicode) {
            throw new UnauthorizedException("the token's subject is not well-formed Unicode");
        }
        if (bytes > MAX_SUBJECT_BYTES) {
            throw new UnauthorizedException("the token's subject is " + bytes + " bytes long; at most " + MAX_SUBJECT_BYTES + " are accepted");
        }
        return subject;
    }

    private static Role role(List<String> groups) {
        List<Role> roles = groups == null ? List.of() : groups.stream().distinct().map(Role::fromClaim).flatMap(Optional::stream).toList();
        if (roles.isEmpty()) {
            throw new ForbiddenException("the token grants no role of this service");
        }
        if (roles.size() > 1) {
            throw new ForbiddenException("the token grants more than one role of this service (" + String.join(", ",
                    roles.stream().map(Role::claimValue).sorted().toList()) + "); an account has exactly one");
        }
        return roles.get(0);
    }

    /** A string claim, or null when absent; any other JSON type, null included, is a broken token. */
    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.asText();
    }

    /** An array-of-strings claim, or null when absent. */
    private static List<String> strings(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array of strings", value);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw wrongType(name, "an array of strings", value);
            }
            items.add(item.asText());
        }
        return items;
    }

    private static UnauthorizedException wrongType(String claim, String expected, JsonNode value) {
        return new UnauthorizedException("the token's " + claim + " claim must be " + expected + ", not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
