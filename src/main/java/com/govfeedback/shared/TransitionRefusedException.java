package com.govfeedback.shared;

import java.util.List;

/** Thrown when the state machine does not allow a move from the current status; names the moves it would allow. */
public final class TransitionRefusedException extends ConflictException {
    private final List<String> allowed;

    public TransitionRefusedException(String detail, List<String> allowed) {
        super(detail);
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }
}
