package com.govfeedback.shared;

/** Thrown when the item does not exist or the caller may not know that it exists. */
public final class NotFoundException extends ProblemException {
    public NotFoundException(String detail) {
        super(404, "Not found", detail);
    }
}
