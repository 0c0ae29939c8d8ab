package com.govfeedback.sla;

/** Thrown when the SLA policy or a calendar file is missing or invalid; the message names the file and the field. */
public final class SlaDataException extends RuntimeException {
    public SlaDataException(String message) {
        super(message);
    }

    public SlaDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
