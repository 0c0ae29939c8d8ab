package com.govfeedback.shared;

/** Thrown when a request carries no valid bearer token. */
public final class UnauthorizedException extends ProblemException {
    public UnauthorizedException(String detail) {
        super(401, "Unauthorized", detail);
    }
}
