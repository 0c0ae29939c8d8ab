package com.govfeedback.sla;

import static com.govfeedback.sla.SlaFixtures.CLOCKS;
import static com.govfeedback.sla.SlaFixtures.at;
import static com.govfeedback.sla.SlaFixtures.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.ProblemException;
import com.govfeedback.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaClocksTest {

    @Test
    void bothClocksStartAtSubmissionWithTheColoursWindows() {
        Instant submitted = at("2026-03-02T10:00");
        SlaView view = CLOCKS.view(CLOCKS.start(Colour.ORANGE, "MALFUNCTION", submitted), submitted);
        assertThat(view.acknowledge().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(2)));
        assertThat(view.resolve().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(24)));
        assertThat(view.acknowledge().status()).isEqualTo(SlaView.Status.OPEN);
        assertThat(view.escalationLevel()).isZero();
        assertThat(view.escalationCode()).isEqualTo("ASSIGNEE");
        assertThat(view.nearestDueAt()).isEqualTo(view.acknowledge().dueAt());
    }

    @Test
    void praiseIsAcknowledgedButHasNoResolutionDeadline() {
        Instant submitted = at("2026-03-02T10:00");
        SlaView view = CLOCKS.view(CLOCKS.start(Colour.BLUE, "PRAISE", submitted), at("2027-03-02T10:00"));
        assertThat(view.acknowledge().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(48)));
        assertThat(view.resolve().dueAt()).isNull();
        assertThat(view.resolve().status()).isEqualTo(SlaView.Status.OPEN);
        assertThat(view.resolve().breached()).isFalse();
    }

    @Test
    void statusesOverTime() {
        Instant submitted = at("2026-03-02T10:00");
        SlaState state = CLOCKS.start(Colour.ORANGE, null, submitted);
        assertThat(CLOCKS.view(state, at("2026-03-02T12:30")).acknowledge())
                .extracting(SlaView.ClockView::status, SlaView.ClockView::breached)
                .containsExactly(SlaView.Status.OVERDUE, true);
        SlaState onTime = CLOCKS.acknowledge(state, at("2026-03-02T11:00"));
        assertThat(CLOCKS.view(onTime, at("2026-03-02T12:30")).acknowledge())
                .extracting(SlaView.ClockView::status, SlaView.ClockView::breached, SlaView.ClockView::stoppedAt)
                .containsExactly(SlaView.Status.MET, false, at("2026-03-02T11:00"));
        SlaState late = CLOCKS.acknowledge(state, at("2026-03-02T12:10"));
        assertThat(CLOCKS.view(late, at("2026-03-02T12:30")).acknowledge())
                .extracting(SlaView.ClockView::status, SlaView.ClockView::breached)
                .containsExactly(SlaView.Status.MET, true);
    }

    @Test
    void onlyTheFirstStaffResponseStopsTheAcknowledgeClock() {
        SlaState first = CLOCKS.acknowledge(CLOCKS.start(Colour.YELLOW, null, at("2026-03-02T10:00")), at("2026-03-02T11:00"));
        assertThat(CLOCKS.acknowledge(first, at("2026-03-03T09:00"))).isEqualTo(first);
    }

    @Test
    void resolvingStopsBothClocks() {
        SlaState resolved = CLOCKS.resolve(CLOCKS.start(Colour.RED, null, at("2026-03-02T10:00")), at("2026-03-02T11:00"));
        SlaView view = CLOCKS.view(resolved, at("2026-03-02T11:00"));
        assertThat(view.acknowledge().status()).isEqualTo(SlaView.Status.MET);
        assertThat(view.resolve().status()).isEqualTo(SlaView.Status.MET);
        assertThat(view.nearestDueAt()).isNull();
        assertThatThrownBy(() -> CLOCKS.resolve(resolved, at("2026-03-02T12:00"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void anHourClockMovesByThePausedCalendarTime() {
        SlaState state = CLOCKS.acknowledge(CLOCKS.start(Colour.YELLOW, null, at("2026-02-13T09:00")), at("2026-02-13T10:00"));
        // paused over the whole 春节 weekend and beyond: 3 days 4 hours, holidays or not
        SlaState paused = CLOCKS.pause(state, "请补充社保卡照片", at("2026-02-14T12:00"));
        assertThat(CLOCKS.view(paused, at("2026-02-15T12:00")).resolve().status()).isEqualTo(SlaView.Status.PAUSED);
        SlaState resumed = CLOCKS.resume(paused, at("2026-02-17T16:00"));
        assertThat(CLOCKS.view(resumed, at("2026-02-17T16:00")).resolve().dueAt())
                .isEqualTo(at("2026-02-16T09:00").plus(Duration.ofDays(3).plusHours(4)));
    }

    @Test
    void aWorkingDayClockMovesOnlyByThePausedWorkingTimeWhenThePauseSpansAHoliday() {
        // worked example 2 (due end of 10-12), paused from Wed 09-30 12:00 to Fri 10-09 12:00:
        // working time paused = 12h of 09-30 + all of 10-08 + 12h of 10-09 = 2 working days → end of 10-14
        SlaState state = CLOCKS.acknowledge(CLOCKS.start(Colour.BLUE, "FEATURE_REQUEST", at("2026-09-24T16:00")),
                at("2026-09-25T09:00"));
        SlaState paused = CLOCKS.pause(state, "请提供办理业务的截图", at("2026-09-30T12:00"));
        SlaState resumed = CLOCKS.resume(paused, at("2026-10-09T12:00"));
        assertThat(CLOCKS.view(state, at("2026-09-25T09:00")).resolve().dueAt()).isEqualTo(endOf("2026-10-12"));
        assertThat(CLOCKS.view(resumed, at("2026-10-09T12:00")).resolve().dueAt()).isEqualTo(endOf("2026-10-14"));
        assertThat(CLOCKS.view(resumed, at("2026-10-09T12:00")).acknowledge().dueAt())
                .as("a stopped clock's deadline does not move").isEqualTo(at("2026-09-26T16:00"));
    }

    @Test
    void aPauseEntirelyInsideAHolidayDoesNotMoveAWorkingDayDeadline() {
        SlaState state = CLOCKS.start(Colour.BLUE, null, at("2026-09-24T16:00"));
        SlaState resumed = CLOCKS.resume(CLOCKS.pause(state, "等待市民补充材料", at("2026-10-02T09:00")), at("2026-10-06T18:00"));
        assertThat(CLOCKS.view(resumed, at("2026-10-06T18:00")).resolve().dueAt()).isEqualTo(endOf("2026-10-12"));
    }

    @Test
    void everyPauseIsRecordedWithItsReason() {
        SlaState state = CLOCKS.start(Colour.YELLOW, null, at("2026-03-02T10:00"));
        state = CLOCKS.resume(CLOCKS.pause(state, "第一次补充", at("2026-03-02T11:00")), at("2026-03-02T12:00"));
        state = CLOCKS.pause(state, "第二次补充", at("2026-03-03T11:00"));
        assertThat(state.pauses()).extracting(SlaState.Pause::reason).containsExactly("第一次补充", "第二次补充");
        assertThat(state.openPause()).map(SlaState.Pause::from).contains(at("2026-03-03T11:00"));
    }

    @Test
    void pausesAreCappedAndTheCapIsPerRound() {
        Duration cap = SlaFixtures.POLICY.maxTotalPause();
        Instant submitted = at("2026-03-02T10:00");
        SlaState state = CLOCKS.start(Colour.YELLOW, null, submitted);
        SlaState paused = CLOCKS.pause(state, "等待市民补充材料", at("2026-03-02T11:00"));
        Instant capEnd = at("2026-03-02T11:00").plus(cap);
        // a pause left open runs again by itself at the cap
        assertThat(CLOCKS.view(paused, capEnd.minusSeconds(1)).resolve().status()).isEqualTo(SlaView.Status.PAUSED);
        assertThat(CLOCKS.view(paused, capEnd).resolve().status()).isEqualTo(SlaView.Status.OPEN);
        assertThat(CLOCKS.view(paused, capEnd).resolve().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(72)).plus(cap));
        // resumed after 20 days: only the cap counts, and no further pause is allowed this round
        SlaState resumed = CLOCKS.resume(paused, at("2026-03-22T11:00"));
        assertThat(CLOCKS.view(resumed, at("2026-03-22T11:00")).resolve().dueAt())
                .isEqualTo(submitted.plus(Duration.ofHours(72)).plus(cap));
        assertThatThrownBy(() -> CLOCKS.pause(resumed, "再次补充", at("2026-03-22T12:00")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("pause cap");
        // a reopened case gets a fresh allowance
        SlaState reopened = CLOCKS.reopen(CLOCKS.resolve(resumed, at("2026-03-23T10:00")), at("2026-03-25T10:00"));
        assertThat(CLOCKS.pause(reopened, "再次补充", at("2026-03-25T11:00")).openPause()).isPresent();
    }

    @Test
    void pauseRefusals() {
        SlaState state = CLOCKS.start(Colour.YELLOW, null, at("2026-03-02T10:00"));
        assertThatThrownBy(() -> CLOCKS.pause(state, " ", at("2026-03-02T11:00")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
        SlaState paused = CLOCKS.pause(state, "补充材料", at("2026-03-02T11:00"));
        assertThatThrownBy(() -> CLOCKS.pause(paused, "补充材料", at("2026-03-02T12:00")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already paused");
        assertThatThrownBy(() -> CLOCKS.resume(state, at("2026-03-02T12:00")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not paused");
        SlaState resolved = CLOCKS.resolve(state, at("2026-03-02T12:00"));
        assertThatThrownBy(() -> CLOCKS.pause(resolved, "补充材料", at("2026-03-02T13:00")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aTransferNeitherResetsNorExtendsTheClocks() {
        Instant submitted = at("2026-03-02T10:00");
        SlaState state = CLOCKS.acknowledge(CLOCKS.start(Colour.ORANGE, null, submitted), at("2026-03-02T10:30"));
        SlaState transferred = CLOCKS.transfer(state);
        assertThat(transferred).isEqualTo(state);
        assertThat(CLOCKS.view(transferred, at("2026-03-03T09:00")).resolve().dueAt())
                .isEqualTo(submitted.plus(Duration.ofHours(24)));
    }

    @Test
    void retriageToAMoreUrgentColourShortensTheDeadlinesCountedFromSubmission() {
        Instant submitted = at("2026-03-02T10:00");
        SlaState yellow = CLOCKS.start(Colour.YELLOW, null, submitted);
        SlaState red = CLOCKS.retriage(yellow, Colour.RED, false);
        SlaView view = CLOCKS.view(red, at("2026-03-02T13:00"));
        assertThat(view.colour()).isEqualTo(Colour.RED);
        assertThat(view.acknowledge().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(2)));
        assertThat(view.resolve().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(2)));
        assertThat(view.resolve().status()).as("already past the new deadline").isEqualTo(SlaView.Status.OVERDUE);
    }

    @Test
    void retriageKeepsAStoppedClocksWindow() {
        Instant submitted = at("2026-03-02T10:00");
        SlaState acknowledged = CLOCKS.acknowledge(CLOCKS.start(Colour.YELLOW, null, submitted), at("2026-03-02T15:00"));
        SlaView view = CLOCKS.view(CLOCKS.retriage(acknowledged, Colour.RED, false), at("2026-03-02T16:00"));
        assertThat(view.acknowledge().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(48)));
        assertThat(view.acknowledge().breached()).isFalse();
    }

    @Test
    void retriageToALessUrgentColourNeedsASupervisor() {
        Instant submitted = at("2026-03-02T10:00");
        SlaState red = CLOCKS.start(Colour.RED, "OUTAGE", submitted);
        assertThatThrownBy(() -> CLOCKS.retriage(red, Colour.BLUE, false))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        SlaView view = CLOCKS.view(CLOCKS.retriage(red, Colour.BLUE, true), submitted);
        assertThat(view.resolve().dueAt()).isEqualTo(endOf("2026-03-11"));
        assertThat(view.acknowledge().dueAt()).isEqualTo(submitted.plus(Duration.ofHours(48)));
    }

    @Test
    void reopeningStartsNewClocksAndKeepsTheEscalationLevel() {
        SlaState state = CLOCKS.start(Colour.ORANGE, null, at("2026-03-02T10:00"));
        state = SlaFixtures.TIMERS.dueActions(state, at("2026-03-02T12:00")).stream()
                .reduce(state, SlaFixtures.TIMERS::apply, (a, b) -> b);
        assertThat(state.escalationLevel()).isEqualTo(1);
        SlaState reopened = CLOCKS.reopen(CLOCKS.resolve(state, at("2026-03-02T13:00")), at("2026-03-05T09:00"));
        SlaView view = CLOCKS.view(reopened, at("2026-03-05T09:00"));
        assertThat(reopened.round()).isEqualTo(1);
        assertThat(view.escalationLevel()).isEqualTo(1);
        assertThat(view.escalationCode()).isEqualTo("DEPARTMENT_HEAD");
        assertThat(view.acknowledge().dueAt()).isEqualTo(at("2026-03-05T11:00"));
        assertThat(view.resolve().dueAt()).isEqualTo(at("2026-03-06T09:00"));
        assertThat(view.resolve().status()).isEqualTo(SlaView.Status.OPEN);
        assertThatThrownBy(() -> CLOCKS.reopen(reopened, at("2026-03-05T10:00"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void anAppealRunsItsOwnFortyEightHourClock() {
        SlaState resolved = CLOCKS.resolve(CLOCKS.start(Colour.YELLOW, null, at("2026-03-02T10:00")), at("2026-03-03T10:00"));
        assertThatThrownBy(() -> CLOCKS.openAppeal(CLOCKS.start(Colour.YELLOW, null, at("2026-03-02T10:00")),
                at("2026-03-02T11:00"))).isInstanceOf(ConflictException.class);
        SlaState appealed = CLOCKS.openAppeal(resolved, at("2026-03-04T10:00"));
        assertThat(CLOCKS.view(appealed, at("2026-03-06T11:00")).appeal())
                .extracting(SlaView.ClockView::dueAt, SlaView.ClockView::status)
                .containsExactly(at("2026-03-06T10:00"), SlaView.Status.OVERDUE);
        SlaState decided = CLOCKS.decideAppeal(appealed, at("2026-03-05T10:00"));
        assertThat(CLOCKS.view(decided, at("2026-03-06T11:00")).appeal().status()).isEqualTo(SlaView.Status.MET);
        assertThatThrownBy(() -> CLOCKS.openAppeal(decided, at("2026-03-06T10:00"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTransitionDatedBeforeTheRoundStartedIsRejected() {
        SlaState state = CLOCKS.start(Colour.RED, null, at("2026-03-02T10:00"));
        assertThatThrownBy(() -> CLOCKS.acknowledge(state, at("2026-03-02T09:00")))
                .isInstanceOf(ValidationException.class);
    }
}
