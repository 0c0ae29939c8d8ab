package com.govfeedback.feedback.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ValidationException;

/** What a staff or citizen request must hold: every field checked, 422 naming the field, 409 for a stale version. */
public final class RequestRules {
    private static final Pattern OWNER = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,64}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

    private final LifecyclePolicy policy;
    private final Set<String> departments;
    private final ZoneId zone;

    /** @param departments the department codes a feedback may be routed to (the taxonomy's) */
    public RequestRules(LifecyclePolicy policy, Set<String> departments, ZoneId zone) {
        this.policy = policy;
        this.departments = Set.copyOf(departments);
        this.zone = zone;
    }

    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return value.strip();
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, required(value, field));
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(field, "is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A public note within its cap; {@code fallback} when absent (null fallback: the note is required). */
    public String publicNote(String value, String field, String fallback) {
        return note(value, field, policy.publicNoteMaxChars(), fallback);
    }

    /** A citizen's rating comment, or null when none. */
    public String comment(String value) {
        return value == null || value.isBlank() ? null : note(value, "comment", policy.commentMaxChars(), null);
    }

    /** An internal note for staff, or null when none. */
    public String internalNote(String value) {
        return value == null || value.isBlank() ? null : note(value, "internalNote", policy.internalNoteMaxChars(), null);
    }

    public String department(String code, String field) {
        String value = required(code, field);
        if (!departments.contains(value)) {
            throw new ValidationException(field, "is not a department code of the taxonomy");
        }
        return value;
    }

    /** The owner is repeated in the history, the notifications and their ids: a short name or staff id. */
    public static String owner(String value) {
        String owner = required(value, "owner");
        if (!OWNER.matcher(owner).matches()) {
            throw new ValidationException("owner", "must be 1 to 64 letters, digits, spaces or . _ - @ (a name or a staff id)");
        }
        return owner;
    }

    /** A completion date, today or later in the city. */
    public LocalDate expectedBy(String value, Instant now) {
        LocalDate expectedBy;
        try {
            expectedBy = LocalDate.parse(required(value, "expectedBy"));
        } catch (DateTimeParseException malformed) {
            throw new ValidationException("expectedBy", "must be a date like 2026-03-09");
        }
        if (expectedBy.isBefore(LocalDate.ofInstant(now, zone))) {
            throw new ValidationException("expectedBy", "must not be in the past");
        }
        return expectedBy;
    }

    /** A target quarter such as 2027Q1, from the current one (in the city) to {@link LifecyclePolicy#deferMaxQuartersAhead()} ahead. */
    public String targetQuarter(String value, Instant now) {
        Matcher m = QUARTER.matcher(required(value, "targetQuarter"));
        if (!m.matches()) {
            throw new ValidationException("targetQuarter", "must look like 2027Q1");
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        int target = Integer.parseInt(m.group(1)) * 4 + Integer.parseInt(m.group(2));
        int current = today.getYear() * 4 + today.get(IsoFields.QUARTER_OF_YEAR);
        if (target < current) {
            throw new ValidationException("targetQuarter", "must not be before the current quarter");
        }
        if (target > current + policy.deferMaxQuartersAhead()) {
            throw new ValidationException("targetQuarter", "must be at most " + policy.deferMaxQuartersAhead()
                    + " quarters after the current one");
        }
        return m.group();
    }

    public static void requireVersion(Feedback f, Long version) {
        if (version == null) {
            throw new ValidationException("version", "is required: the version of the feedback you read");
        }
        if (version != f.version()) {
            throw new ConflictException("feedback " + f.id() + " is at version " + f.version() + ", not " + version
                    + ": someone else changed it; read it again and retry");
        }
    }

    public static void requireOpen(Feedback f, String what) {
        if (f.status() == Status.CLOSED || f.status() == Status.MERGED) {
            throw new ConflictException("a " + f.status() + " feedback cannot be " + what);
        }
    }

    private static String note(String value, String field, int maxChars, String fallback) {
        if ((value == null || value.isBlank()) && fallback != null) {
            return fallback;
        }
        String note = required(value, field);
        if (note.codePointCount(0, note.length()) > maxChars) {
            throw new ValidationException(field, "is longer than " + maxChars + " characters");
        }
        return note;
    }
}
