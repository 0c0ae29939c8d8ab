package com.govfeedback.api;

import com.govfeedback.shared.ValidationException;

/** Checks shared by the functions before they delegate. */
final class Requests {
    private Requests() {
    }

    /** An absent body is a validation error naming the field the operation needs. */
    static <T> T require(T body, String field) {
        if (body == null) {
            throw new ValidationException(field, "is required");
        }
        return body;
    }
}
