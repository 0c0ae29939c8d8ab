package com.govfeedback.shared;

/** Thrown when a request contradicts the stored state: a reused idempotency key, a stale version, a forbidden transition. */
public class ConflictException extends ProblemException {
    public ConflictException(String detail) {
        super(409, "Conflict", detail);
    }
}
