package com.govfeedback.shared;

/** Thrown when the caller is known but their role does not allow the operation. */
public final class ForbiddenException extends ProblemException {
    public ForbiddenException(String detail) {
        super(403, "Forbidden", detail);
    }
}
