package com.govfeedback.feedback.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.contact.PhoneNumbers;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.shared.ValidationException.FieldError;

/** Turns a raw submission into a valid one, or names every field that is wrong. */
public final class SubmissionValidator {
    public static final int MAX_TEXT_LENGTH = 2000;
    public static final int MAX_CONTEXT_FIELD_LENGTH = 200;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");

    private SubmissionValidator() {
    }

    /** A submission that passed every check; the text is trimmed; {@code contactPhone} is digits only, or null. */
    public record ValidSubmission(String clientRequestId, String text, Channel channel, FeedbackContext context, String contactPhone) {
    }

    public static ValidSubmission validate(SubmitFeedback request) {
        if (request == null) {
            throw new ValidationException("body", "a JSON object with clientRequestId, text, channel and context is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String requestId = request.clientRequestId();
        if (requestId == null || requestId.isBlank()) {
            errors.add(new FieldError("clientRequestId", "is required"));
        } else if (!REQUEST_ID.matcher(requestId).matches()) {
            errors.add(new FieldError("clientRequestId", "must be 8 to 64 letters, digits or . _ : -"));
        }
        String text = request.text() == null ? "" : request.text().strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            errors.add(new FieldError("text", "is required and must not be blank"));
        } else if (length > MAX_TEXT_LENGTH) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT_LENGTH + " characters after trimming, was " + length));
        }
        Channel channel = parseChannel(request.channel(), errors);
        FeedbackContext context = request.context() == null ? FeedbackContext.EMPTY : request.context();
        checkContext(context, errors);
        String phone = null;
        if (request.contactPhone() != null && !request.contactPhone().isBlank()) {
            phone = PhoneNumbers.normalise(request.contactPhone()).orElse(null);
            if (phone == null) {
                errors.add(new FieldError("contactPhone", "must be a mainland mobile number (11 digits) or a fixed line with its area code"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ValidSubmission(requestId, text, channel, context, phone);
    }

    private static Channel parseChannel(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("channel", "is required: one of APP, SERVICE_HALL, HOTLINE, EXPERIENCE_OFFICER, BETA"));
            return null;
        }
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(value)) {
                return channel;
            }
        }
        errors.add(new FieldError("channel", "must be one of APP, SERVICE_HALL, HOTLINE, EXPERIENCE_OFFICER, BETA"));
        return null;
    }

    private static void checkContext(FeedbackContext c, List<FieldError> errors) {
        checkLength("context.screenPath", c.screenPath(), errors);
        checkLength("context.deviceModel", c.deviceModel(), errors);
        checkLength("context.os", c.os(), errors);
        checkLength("context.osVersion", c.osVersion(), errors);
        checkLength("context.appVersion", c.appVersion(), errors);
        checkLength("context.networkType", c.networkType(), errors);
        if (c.regionCode() != null && !RegionCodes.isValid(c.regionCode())) {
            errors.add(new FieldError("context.regionCode", "must be a six-digit GB/T 2260 administrative division code"));
        }
        if (c.locale() != null && !LOCALE.matcher(c.locale()).matches()) {
            errors.add(new FieldError("context.locale", "must be a language tag such as zh-CN or zh-Hant-HK"));
        }
    }

    private static void checkLength(String field, String value, List<FieldError> errors) {
        if (value != null && value.length() > MAX_CONTEXT_FIELD_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_CONTEXT_FIELD_LENGTH + " characters"));
        }
    }
}
