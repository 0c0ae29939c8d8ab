package com.govfeedback.triage;

/** Thrown when a taxonomy file cannot be read or breaks a rule; the message names the bad entry. */
public final class InvalidTaxonomyException extends RuntimeException {
    public InvalidTaxonomyException(String message) {
        super(message);
    }

    public InvalidTaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
