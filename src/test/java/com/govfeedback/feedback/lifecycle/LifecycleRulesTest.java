package com.govfeedback.feedback.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Status;
import com.govfeedback.shared.Json;
import com.govfeedback.shared.TransitionRefusedException;
import com.govfeedback.shared.ValidationException;

/** The state machine table, the case file's size caps and the policy file. */
class LifecycleRulesTest {

    @Test
    void everyStatusHasItsMovesAndOnlyClosedMergedAndWithdrawnAreFinal() {
        for (Status status : Status.values()) {
            assertThat(StateMachine.allowedFrom(status)).as(status.name()).isNotNull();
            assertThat(StateMachine.allowedFrom(status).isEmpty()).as(status + " final")
                    .isEqualTo(status == Status.CLOSED || status == Status.MERGED || status == Status.WITHDRAWN);
            assertThat(StateMachine.allowedFrom(status)).as("MERGED is reached by merging only").doesNotContain(Status.MERGED);
            assertThat(StateMachine.allowedFrom(status)).as("WITHDRAWN is the citizen's step only").doesNotContain(Status.WITHDRAWN);
        }
        assertThat(StateMachine.allowedFrom(Status.IN_TESTING)).containsExactlyInAnyOrder(Status.RELEASED, Status.IN_DEVELOPMENT);
    }

    @Test
    void aDeferralTargetsAQuarterFromTheCurrentOneToEightAhead() {
        RequestRules rules = new RequestRules(LifecyclePolicy.loadDefault(), Set.of("TAX_BUREAU"), ZoneId.of("Asia/Shanghai"));
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        assertThat(rules.targetQuarter("2026Q4", now)).isEqualTo("2026Q4");
        assertThat(rules.targetQuarter("2028Q4", now)).isEqualTo("2028Q4");
        for (String refused : List.of("2029Q1", "9999Q4", "2026Q3", "2027Q5", "27Q1")) {
            assertThatThrownBy(() -> rules.targetQuarter(refused, now)).as(refused).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("targetQuarter"));
        }
        // the city's quarter: 31 December 16:00 UTC is already 1 January in Beijing, so 2029Q1 is eight ahead
        assertThat(rules.targetQuarter("2029Q1", Instant.parse("2026-12-31T16:00:00Z"))).isEqualTo("2029Q1");
    }

    @Test
    void aRefusedMoveNamesTheAllowedOnes() {
        assertThatThrownBy(() -> StateMachine.requireAllowed(Status.CLOSED, Status.IN_PROGRESS))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                    assertThat(e.allowed()).isEmpty();
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("已关闭", "final");
                });
        assertThatThrownBy(() -> StateMachine.requireAllowed(Status.RELEASED, Status.CLOSED))
                .isInstanceOfSatisfying(TransitionRefusedException.class,
                        e -> assertThat(e.allowed()).containsExactlyInAnyOrder("RESOLVED", "IN_DEVELOPMENT"));
    }

    @Test
    void internalNotesAreKeptOnlyOnTheLatestEntriesWhilePublicNotesStay() {
        CaseFile file = CaseFile.EMPTY;
        for (int i = 0; i < 30; i++) {
            file = file.withStep(new CaseFile.Step(CaseAction.REPLY, Status.IN_PROGRESS, Status.IN_PROGRESS, "staff-1", Instant.EPOCH.plusSeconds(i),
                    "公开" + i, "内部" + i), 20);
        }
        List<CaseFile.Step> history = file.history();
        assertThat(history).hasSize(30).allMatch(step -> step.publicNote() != null);
        assertThat(history.subList(0, 10)).allMatch(step -> step.internalNote() == null);
        assertThat(history.subList(10, 30)).extracting(CaseFile.Step::internalNote).first().isEqualTo("内部10");
        assertThat(history.subList(10, 30)).allMatch(step -> step.internalNote() != null);
    }

    @Test
    void mergingTheSameCitizenTwiceKeepsOneFollowerAndTheFollowerListIsCapped() {
        CaseFile original = CaseFile.EMPTY.withMergedDuplicate("D1", "c1", CaseFile.EMPTY, 2);
        CaseFile duplicate = new CaseFile(List.of(), null, null, null, null, null, null, null, List.of(), 4, List.of("c1", "c2", "c3"));
        CaseFile merged = original.withMergedDuplicate("D2", "c9", duplicate, 2);
        assertThat(merged.meTooCount()).isEqualTo(1 + 1 + 4);
        assertThat(merged.followers()).containsExactly("c1", "c9");
        assertThat(merged.mergedFrom()).containsExactly("D1", "D2");
    }

    @Test
    void thePolicyFileIsReadAndAMisspeltFieldIsRefused() throws Exception {
        LifecyclePolicy policy = LifecyclePolicy.loadDefault();
        assertThat(policy.rateWithin().toDays()).isEqualTo(7);
        assertThat(policy.appealWithin().toDays()).isEqualTo(15);
        assertThatThrownBy(() -> LifecyclePolicy.parse(Json.mapper().readTree("{\"rateWithinDay\": 7}")))
                .hasMessageContaining("rateWithinDay");
    }
}
