package com.govfeedback.sla;

import static com.govfeedback.sla.SlaFixtures.CLOCKS;
import static com.govfeedback.sla.SlaFixtures.at;
import static com.govfeedback.sla.SlaFixtures.endOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlaPreviewTest {
    private final SlaPreview preview = new SlaPreview(CLOCKS, SlaFixtures.CALENDAR);

    @Test
    void blueShowsTheWorkingDayDeadline() {
        assertThat(preview.preview(Colour.BLUE, at("2026-02-13T09:00")))
                .isEqualTo(new SlaPreview.Result(at("2026-02-15T09:00"), endOf("2026-03-02"), true));
    }

    @Test
    void redShowsTwoHoursForBoth() {
        assertThat(preview.preview(Colour.RED, at("2026-10-01T23:00")))
                .isEqualTo(new SlaPreview.Result(at("2026-10-02T01:00"), at("2026-10-02T01:00"), true));
    }

    @Test
    void aTimeFarFromTheCalendarOnFileIsRefusedNotComputed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> preview.preview("BLUE", "+999999999-12-31T00:00:00Z", at("2026-03-02T10:00")))
                .isInstanceOf(com.govfeedback.shared.ValidationException.class).hasMessageContaining("submittedAt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> preview.preview("BLUE", "2028-01-01T00:00:00+08:00", at("2026-03-02T10:00")))
                .isInstanceOf(com.govfeedback.shared.ValidationException.class);
        assertThat(preview.preview("BLUE", "2027-12-30T10:00:00+08:00", at("2026-03-02T10:00")).calendarKnown()).isFalse();
    }

    @Test
    void pastTheKnownCalendarItSaysSo() {
        SlaPreview.Result result = preview.preview(Colour.BLUE, at("2026-12-28T10:00"));
        assertThat(result.resolveDueAt()).isEqualTo(endOf("2027-01-06"));
        assertThat(result.calendarKnown()).isFalse();
    }
}
