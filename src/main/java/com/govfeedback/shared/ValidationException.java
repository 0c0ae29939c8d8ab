package com.govfeedback.shared;

import java.util.List;

/** Thrown when a well-formed request breaks a rule; names every offending field at once. */
public final class ValidationException extends ProblemException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(422, "Validation failed", errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String type() {
        return "/problems/validation";
    }

    public record FieldError(String field, String message) {
    }
}
