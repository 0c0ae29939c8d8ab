package com.govfeedback.shared;

/**
 * Thrown when a valid token was signed in too weakly for its role (no second factor where one is required); the client
 * signs in again with a stronger method (RFC 9470's {@code insufficient_user_authentication}).
 */
public final class InsufficientAuthenticationException extends ProblemException {
    public InsufficientAuthenticationException(String detail) {
        super(401, "Insufficient user authentication", detail);
    }
}
