package com.govfeedback.feedback.store;

import org.junit.jupiter.api.Test;
import static com.govfeedback.sla.SlaFixtures.CLOCKS;
import static com.govfeedback.sla.SlaFixtures.TIMERS;
import static com.govfeedback.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.govfeedback.sla.Colour;
import com.govfeedback.sla.SlaDataException;
import com.govfeedback.sla.SlaState;

class SlaStateJsonTest {

    @Test
    void aStateWithEveryKindOfFactSurvivesTheRoundTrip() {
        SlaState state = CLOCKS.start(Colour.BLUE, "FEATURE_REQUEST", at("2026-09-24T16:00"));
        state = CLOCKS.acknowledge(state, at("2026-09-25T09:00"));
        state = CLOCKS.resume(CLOCKS.pause(state, "请补充\"截图\"", at("2026-09-30T12:00")), at("2026-10-09T12:00"));
        state = TIMERS.dueActions(state, at("2026-10-20T00:00")).stream().reduce(state, TIMERS::apply, (a, b) -> b);
        state = CLOCKS.openAppeal(CLOCKS.resolve(state, at("2026-10-21T10:00")), at("2026-10-22T10:00"));
        state = CLOCKS.pause(CLOCKS.reopen(CLOCKS.decideAppeal(state, at("2026-10-23T10:00")), at("2026-10-23T10:00")),
                "再次补充", at("2026-10-23T11:00"));
        assertThat(state.escalationLevel()).isPositive();

        assertThat(SlaStateJson.read(SlaStateJson.write(state))).isEqualTo(state);
    }

    @Test
    void praiseWithoutAResolutionWindowAndWithoutATypeRoundTrips() {
        SlaState praise = CLOCKS.start(Colour.BLUE, "PRAISE", at("2026-03-02T10:00"));
        SlaState untyped = CLOCKS.start(Colour.RED, null, at("2026-03-02T10:00"));
        assertThat(SlaStateJson.read(SlaStateJson.write(praise))).isEqualTo(praise);
        assertThat(SlaStateJson.read(SlaStateJson.write(untyped))).isEqualTo(untyped);
    }

    @Test
    void damagedTextNamesTheField() {
        String written = SlaStateJson.write(CLOCKS.start(Colour.RED, null, at("2026-03-02T10:00")));
        assertThatThrownBy(() -> SlaStateJson.read(written.replace("\"startedAt\"", "\"begun\"")))
                .isInstanceOf(SlaDataException.class).hasMessageContaining("clocks[0].startedAt: required");
    }
}
