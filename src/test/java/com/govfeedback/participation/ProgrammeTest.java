package com.govfeedback.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.govfeedback.participation.evaluators.BetaTasks;
import com.govfeedback.participation.evaluators.EvaluatorProgramme;
import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ValidationException;

/** 体验官 applications within quotas, beta tasks (claim, submit, review, pay) and the 金点子 zone, against the local store. */
class ProgrammeTest {
    private final Participation p = new Participation();
    private final Clock clock = Clock.fixed(Participation.NOW, ZoneOffset.UTC);
    private final EvaluatorProgramme programme = new EvaluatorProgramme(p.dynamo, p.table, p.trail,
            new EvaluatorProgramme.Quotas(3, Map.of("18-29", 2, "60+", 2), Map.of("440305", 2, "440306", 2)), clock);
    private final List<String> filed = new ArrayList<>();
    private final BetaTasks tasks = new BetaTasks(p.dynamo, p.table, programme, (citizen, requestId, text, taskId) -> {
        filed.add(taskId + "/" + text);
        return "FEEDBACK-" + requestId;
    }, p.ledger, clock);
    private final GoldenIdeas ideas = new GoldenIdeas(p.dynamo, p.table, p.ledger, p.profiles, p.trail, p.rules, clock);

    private String evaluator(String ageBand, String district) {
        String citizen = Participation.citizen();
        programme.apply(citizen, ageBand, district, "HUAWEI Mate 60 / HarmonyOS 4.2", true);
        programme.approve("operator-1", citizen);
        return citizen;
    }

    @Test
    void approvalsStopAtEachGroupsQuotaAndAtTheCap() {
        evaluator("18-29", "440305");
        evaluator("18-29", "440306");
        String thirdYoung = Participation.citizen();
        programme.apply(thirdYoung, "18-29", "440306", "iPhone", true);
        assertThatThrownBy(() -> programme.approve("operator-1", thirdYoung))
                .isInstanceOfSatisfying(ParticipationRefusedException.class, e -> assertThat(e.detail()).contains("age band 18-29"));

        evaluator("60+", "440305");
        String overCap = Participation.citizen();
        programme.apply(overCap, "60+", "440306", "iPhone", true);
        assertThatThrownBy(() -> programme.approve("operator-1", overCap))
                .isInstanceOfSatisfying(ParticipationRefusedException.class, e -> assertThat(e.detail()).contains("programme"));
        assertThat(programme.application(overCap).state()).isEqualTo(EvaluatorProgramme.APPLIED);
    }

    @Test
    void anApplicationNeedsConsentAndAKnownGroupAndApprovalIsToldAndAudited() {
        assertThatThrownBy(() -> programme.apply(Participation.citizen(), "12-17", "999999", "", false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).hasSize(4));
        String citizen = evaluator("60+", "440306");
        assertThat(programme.approve("operator-1", citizen).state()).isEqualTo(EvaluatorProgramme.APPROVED);
        assertThat(p.trail.notices(citizen, 5)).extracting(ParticipationTrail.Record::kind).containsExactly("EVALUATOR_APPROVED");
        assertThat(programme.pending(10)).extracting(EvaluatorProgramme.Application::citizen).doesNotContain(citizen);
    }

    @Test
    void onlyEvaluatorsClaimAndATaskRefusesClaimsWhenFullOrClosed() {
        BetaTasks.Task task = tasks.post("5.4.0-beta.1", "打开社保卡页面，切换城市，截图", Participation.NOW.plus(Duration.ofDays(3)), 1);
        String first = evaluator("18-29", "440305");
        String second = evaluator("60+", "440306");

        assertThatThrownBy(() -> tasks.claim(Participation.citizen(), task.id()))
                .isInstanceOfSatisfying(ParticipationRefusedException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(tasks.claim(first, task.id()).claimed()).isEqualTo(1);
        assertThat(tasks.claim(first, task.id()).claimed()).isEqualTo(1);
        assertThatThrownBy(() -> tasks.claim(second, task.id()))
                .isInstanceOfSatisfying(ParticipationRefusedException.class, e -> assertThat(e.type()).isEqualTo("/problems/task-full"));

        Clock later = Clock.fixed(Participation.NOW.plus(Duration.ofDays(4)), ZoneOffset.UTC);
        BetaTasks afterDeadline = new BetaTasks(p.dynamo, p.table, programme, (c, r, t, id) -> "X", p.ledger, later);
        BetaTasks.Task roomy = tasks.post("5.4.0-beta.2", "登录", Participation.NOW.plus(Duration.ofDays(1)), 10);
        assertThatThrownBy(() -> afterDeadline.claim(second, roomy.id()))
                .isInstanceOfSatisfying(ParticipationRefusedException.class, e -> assertThat(e.type()).isEqualTo("/problems/task-closed"));
    }

    @Test
    void anAcceptedResultIsBetaFeedbackLinkedToTheTaskAndPaysOnce() {
        BetaTasks.Task task = tasks.post("5.4.0-beta.1", "办理一次公积金提取", Participation.NOW.plus(Duration.ofDays(3)), 5);
        String citizen = evaluator("18-29", "440305");
        assertThatThrownBy(() -> tasks.submit(citizen, task.id(), "beta-req-1", "提取页面卡顿")).isInstanceOf(ConflictException.class);
        tasks.claim(citizen, task.id());

        BetaTasks.Result result = tasks.submit(citizen, task.id(), "beta-req-1", "提取页面卡顿");
        assertThat(result.feedbackId()).isEqualTo("FEEDBACK-beta-req-1");
        assertThat(filed).containsExactly(task.id() + "/提取页面卡顿");

        BetaTasks.Result accepted = tasks.review(task.id(), citizen, true);
        tasks.review(task.id(), citizen, true);
        assertThat(accepted.payment().state()).isEqualTo(LedgerEntry.POSTED);
        assertThat(p.ledger.standing(citizen).balance()).isEqualTo(30);
        assertThatThrownBy(() -> tasks.review(task.id(), citizen, false)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anAdoptedIdeaIsNamedOnlyWithConsentPaysOnceAndItsRewardDecisionIsRecordedOnce() {
        String named = Participation.citizen();
        p.profiles.save(named, "张三丰", "440305", false, true);
        String anonymous = Participation.citizen();
        p.profiles.save(anonymous, "李四", "440305", false, false); // on the boards, but not named on credits
        Instant released = Participation.NOW.minus(Duration.ofDays(1));

        ideas.adopted("IMP-1", named, "社保卡支持亲属代办", released);
        ideas.adopted("IMP-1", named, "社保卡支持亲属代办", released);
        ideas.adopted("IMP-2", anonymous, "预约叫号短信提醒", released);

        assertThat(ideas.year(2026)).extracting(GoldenIdeas.Idea::contributor).containsExactly("张**", GoldenIdeas.ANONYMOUS);
        assertThat(p.ledger.standing(named).balance()).isEqualTo(200);

        assertThatThrownBy(() -> ideas.decide("operator-1", 2026, "IMP-1", 100, "太少")).isInstanceOf(ValidationException.class);
        GoldenIdeas.Idea decided = ideas.decide("operator-1", 2026, "IMP-1", 2000, "惠及全市代办群众");
        assertThat(decided.decision().amountYuan()).isEqualTo(2000);
        assertThat(decided.decision().decidedBy()).isEqualTo("operator-1");
        assertThat(decided.decision().reason()).isEqualTo("惠及全市代办群众");
        assertThatThrownBy(() -> ideas.decide("operator-2", 2026, "IMP-1", 5000, "改主意")).isInstanceOf(ConflictException.class);
        assertThat(p.trail.notices(named, 10)).extracting(ParticipationTrail.Record::kind).contains("REWARD_DECIDED", "POINTS_PAID", "IDEA_ADOPTED");
        assertThat(p.trail.audit("2026-12-02", 50)).extracting(ParticipationTrail.Record::actor).contains("operator-1");
    }
}
