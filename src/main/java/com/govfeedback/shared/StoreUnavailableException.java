package com.govfeedback.shared;

/** Thrown when the store cannot be reached or is throttling; the request changed nothing and may be retried. */
public final class StoreUnavailableException extends ProblemException {
    public StoreUnavailableException(String detail, Throwable cause) {
        super(503, "Service unavailable", detail);
        initCause(cause);
    }
}
