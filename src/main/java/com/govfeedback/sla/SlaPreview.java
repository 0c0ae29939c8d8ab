package com.govfeedback.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.govfeedback.shared.ValidationException;

/** The deadlines a citizen would be given if they submitted now ({@code POST /sla/preview}); also checks calendar data. */
public class SlaPreview {
    private final SlaClocks clocks;
    private final WorkingCalendar calendar;

    public SlaPreview(SlaClocks clocks, WorkingCalendar calendar) {
        this.clocks = clocks;
        this.calendar = calendar;
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
                // a preview checks a submission about to happen or the calendar data: the years on file and one either
                // side, and this year and the next, not any century
                int year = at.atZone(calendar.zone()).getYear();
                int thisYear = now.atZone(calendar.zone()).getYear();
                int first = Math.min(calendar.knownYears().first(), thisYear) - 1;
                int last = Math.max(calendar.knownYears().last(), thisYear) + 1;
                if (year < first || year > last) {
                    errors.add(new ValidationException.FieldError("submittedAt", "must fall in " + first + "–" + last
                            + " (the calendar years on file, this year, and one either side)"));
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
