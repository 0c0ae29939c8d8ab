package com.govfeedback.sla;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.govfeedback.shared.ValidationException;

/** The deadlines a citizen would be given if they submitted now ({@code POST /sla/preview}); also checks calendar data. */
@ApplicationScoped
public class SlaPreview {
    /** A preview is for a submission about to happen, or an operator checking calendar data: not for any century. */
    static final Duration PREVIEW_RANGE = Duration.ofDays(731);

    private final SlaClocks clocks;

    public SlaPreview(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /** The colour's deadlines; per-type exceptions (PRAISE has no resolution deadline) are not part of a preview. */
    public record Result(Instant ackDueAt, Instant resolveDueAt, boolean calendarKnown) {
    }

    /**
     * The preview for a request as it arrives: {@code colour} one of the four colours, {@code submittedAt} an ISO-8601
     * instant or absent for {@code now}; names every bad field.
     */
    public Result preview(String colour, String submittedAt, Instant now) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Colour parsedColour = null;
        try {
            parsedColour = Colour.valueOf(String.valueOf(colour));
        } catch (IllegalArgumentException unknown) {
            errors.add(new ValidationException.FieldError("colour", "must be one of RED, ORANGE, YELLOW, BLUE"));
        }
        Instant at = now;
        if (submittedAt != null) {
            try {
                at = OffsetDateTime.parse(submittedAt).toInstant();
                if (Duration.between(now, at).abs().compareTo(PREVIEW_RANGE) > 0) {
                    errors.add(new ValidationException.FieldError("submittedAt", "must be within two years of now"));
                }
            } catch (DateTimeParseException notAnInstant) {
                errors.add(new ValidationException.FieldError("submittedAt", "must be an ISO-8601 time with an offset, e.g. 2026-03-02T10:00:00+08:00"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return preview(parsedColour, at);
    }

    public Result preview(Colour colour, Instant submittedAt) {
        SlaView view = clocks.view(clocks.start(colour, null, submittedAt), submittedAt);
        return new Result(view.acknowledge().dueAt(), view.resolve().dueAt(), view.calendarKnown());
    }
}
