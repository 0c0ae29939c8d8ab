package com.govfeedback.feedback.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;

/**
 * A citizen finds their own feedback by the tracking number they were given ({@link TrackingNumbers}): its day bounds a
 * range of ids in the citizen's own index partition (ids sort by time), and its last eight characters pick the one. One
 * Query over that citizen's feedback of that day, bounded by the hourly submission quota; nobody else's feedback is read.
 */
public final class TrackingLookup {
    private static final Pattern TRACKING_NO = Pattern.compile("(\\d{6})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuMMdd");

    private final FeedbackRepository repository;
    private final FeedbackViews views;
    private final ZoneId zone;

    public TrackingLookup(FeedbackRepository repository, FeedbackViews views, ZoneId zone) {
        this.repository = repository;
        this.views = views;
        this.zone = zone;
    }

    /** 422 for a malformed number, 404 when the caller has no feedback with it. */
    public FeedbackView find(Caller caller, String trackingNo) {
        caller.require(Role.CITIZEN, "looking up one's feedback by tracking number");
        String wanted = trackingNo == null ? "" : trackingNo.strip().toUpperCase(Locale.ROOT);
        Matcher m = TRACKING_NO.matcher(wanted);
        LocalDate day;
        try {
            day = m.matches() ? LocalDate.parse(m.group(1), DAY) : null;
        } catch (DateTimeParseException notADay) {
            day = null;
        }
        if (day == null) {
            throw new ValidationException("trackingNo", "must look like 261129-7KX4-M2QD");
        }
        String idEnding = m.group(2) + m.group(3);
        String from = Ids.timePrefix(day.atStartOfDay(zone).toInstant());
        String until = Ids.timePrefix(day.plusDays(1).atStartOfDay(zone).toInstant());
        Feedback found = repository.citizenIdsBetween(caller.subject(), from, until).stream().filter(f -> f.id().endsWith(idEnding)).findFirst()
                .orElseThrow(() -> new NotFoundException("no feedback of yours with tracking number " + wanted));
        return views.of(caller, found);
    }
}
