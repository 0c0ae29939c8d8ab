package com.govfeedback.shared;

/**
 * A failure that a client can understand and act on. Adapters render it as an RFC 9457
 * {@code application/problem+json} document; the core never knows about HTTP beyond the status code.
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String title;

    protected ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A stable, relative problem type: {@code /problems/validation}, {@code /problems/not-found}… */
    public String type() {
        return "/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public String detail() {
        return getMessage();
    }
}
