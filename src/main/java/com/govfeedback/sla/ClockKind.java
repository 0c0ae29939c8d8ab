package com.govfeedback.sla;

/** The clocks an item can run; {@link #code()} is the short name used in timer action keys. */
public enum ClockKind {
    /** Starts at submission (or reopening), stops at the first staff response. */
    ACKNOWLEDGE("ACK"),
    /** Starts at submission (or reopening), stops at resolution. */
    RESOLVE("RESOLVE"),
    /** Starts when the citizen appeals, stops when a supervisor decides. */
    APPEAL("APPEAL");

    private final String code;

    ClockKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
