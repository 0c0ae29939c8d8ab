package com.govfeedback.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import com.govfeedback.bridge.BugReports;
import com.govfeedback.deploy.DeployNames;
import com.govfeedback.participation.ParticipationAccess;
import com.govfeedback.participation.ParticipationRefusedException;
import com.govfeedback.participation.evaluators.BetaTasks;
import com.govfeedback.participation.evaluators.EvaluatorProgramme;
import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.leaderboard.BoardPeriods;
import com.govfeedback.participation.leaderboard.Leaderboard;
import com.govfeedback.participation.leaderboard.Profiles;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.participation.rewards.Catalogue;
import com.govfeedback.participation.rewards.Redemptions;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.shared.Pages;
import com.govfeedback.shared.ValidationException;

import io.quarkus.funqy.Funq;

/** Citizen participation: points, rewards, 贡献榜, 体验官 programme and beta tasks, 金点子. Translate, delegate, nothing else. */
@MaskedRequests
public class ParticipationFunctions {
    @Inject
    Ledger ledger;
    @Inject
    Redemptions redemptions;
    @Inject
    Catalogue catalogue;
    @Inject
    Leaderboard board;
    @Inject
    PointRules rules;
    @Inject
    ParticipationTrail trail;
    @Inject
    EvaluatorProgramme programme;
    @Inject
    BetaTasks tasks;
    @Inject
    GoldenIdeas ideas;
    @Inject
    BugReports bugs;
    @Inject
    Callers callers;
    @Inject
    Clock clock;

    public record PageRequest(Integer limit, String cursor) {
    }

    public record BugRequest(String feedbackId) {
    }

    public record PublicIdeas(List<GoldenIdeas.PublicIdea> items) {
    }

    public record MyPoints(Ledger.Standing standing, List<LedgerEntry> entries, String nextCursor) {
    }

    /** @param namedOnCredits consent (署名) to be named, masked, where an adopted suggestion is credited; anonymous otherwise */
    public record ProfileRequest(String name, String regionCode, Boolean optOut, Boolean namedOnCredits) {
    }

    public record MyProfile(Profiles.Profile profile, Ledger.Standing standing) {
    }

    public record BoardRequest(String city, String period) {
    }

    public record RedeemRequest(String requestId, String rewardId) {
    }

    public record GrantRequest(String causeId, String citizen, String rule) {
    }

    public record ApplyRequest(String ageBand, String district, String device, Boolean consent) {
    }

    public record DecideApplication(String citizen, Boolean approve, String reason) {
    }

    public record PostTask(String version, String steps, Instant deadline, Integer slots) {
    }

    public record TaskRequest(String taskId) {
    }

    public record SubmitResult(String taskId, String clientRequestId, String text) {
    }

    public record ReviewResult(String taskId, String citizen, Boolean accept) {
    }

    public record YearRequest(Integer year) {
    }

    public record DecideReward(Integer year, String improvementId, Integer amountYuan, String reason) {
    }

    public record DayRequest(String day) {
    }

    public record RewardsRequest(Boolean inStockOnly) {
    }

    /** The shipped rewards to load, by id; all of them when absent. */
    public record SeedRequest(List<String> rewardIds) {
    }

    public record Notices(List<ParticipationTrail.Record> items) {
    }

    public record Rewards(List<Catalogue.Reward> items) {
    }

    public record Applications(List<EvaluatorProgramme.Application> items) {
    }

    public record Tasks(List<BetaTasks.Task> items) {
    }

    public record Ideas(List<GoldenIdeas.Idea> items) {
    }

    @Funq("participation/points/mine")
    @ApiDoc(summary = "My points: balance, spendable points, stars and title, and my ledger entries newest first", roles = "citizen",
            errors = { 401, 403, 422 })
    public MyPoints myPoints(PageRequest request) {
        String citizen = ParticipationAccess.citizen(callers.current(), "participation/points/mine");
        PageRequest page = request == null ? new PageRequest(null, null) : request;
        Ledger.EntryPage entries = ledger.entries(citizen, page.limit(), page.cursor());
        return new MyPoints(ledger.standing(citizen), entries.items(), entries.nextCursor());
    }

    @Funq("participation/notices/mine")
    @ApiDoc(summary = "My participation notices (payments, spends, level-ups, decisions), newest first", roles = "citizen",
            errors = { 401, 403, 422 })
    public Notices myNotices(PageRequest request) {
        String citizen = ParticipationAccess.citizen(callers.current(), "participation/notices/mine");
        return new Notices(trail.notices(citizen, Pages.size(request == null ? null : request.limit())));
    }

    @Funq("participation/profile")
    @ApiDoc(summary = "Set the name the 贡献榜 shows (stored masked: 张*), my region, whether I stay off the boards and whether "
            + "adopted suggestions credit me by that name (署名)", roles = "citizen",
            errors = { 401, 403, 422 })
    public MyProfile profile(ProfileRequest request) {
        String citizen = ParticipationAccess.citizen(callers.current(), "participation/profile");
        ProfileRequest body = Requests.require(request, "name");
        Instant now = clock.instant();
        BoardPeriods periods = rules.periods();
        Profiles.Profile saved = board.saveProfile(citizen, body.name(), body.regionCode(), Boolean.TRUE.equals(body.optOut()),
                Boolean.TRUE.equals(body.namedOnCredits()), List.of(periods.week(now), periods.month(now), BoardPeriods.ALL_TIME));
        return new MyProfile(saved, ledger.standing(citizen));
    }

    @Funq(DeployNames.LEADERBOARD_FUNCTION)
    @ApiDoc(summary = "贡献榜: a city's top contributors this week, this month or of all time, names masked; open without a token "
            + "(the app's home page)", errors = { 422 })
    public Leaderboard.Board leaderboard(BoardRequest request) {
        BoardRequest body = Requests.require(request, "city");
        if (body.city() == null || !body.city().matches("\\d{4}")) {
            throw new ValidationException("city", "must be the four-digit city part of a region code, e.g. 4403");
        }
        return board.top(body.city(), rules.periods().current(body.period(), clock.instant()));
    }

    @Funq("participation/rewards/list")
    @ApiDoc(summary = "The reward catalogue with costs and stock; inStockOnly=true leaves out what is sold out", roles = { "citizen", "admin" },
            errors = { 401, 403 })
    public Rewards rewards(RewardsRequest request) {
        ParticipationAccess.citizenOrOperator(callers.current(), "participation/rewards/list");
        boolean inStockOnly = request != null && Boolean.TRUE.equals(request.inStockOnly());
        return new Rewards(catalogue.list().stream().filter(reward -> !inStockOnly || reward.stock() > 0).toList());
    }

    @Funq("participation/rewards/redeem")
    @ApiDoc(summary = "积分兑换, once per requestId: points and stock are taken together or not at all; refunded when fulfilment fails",
            roles = "citizen", errors = { 401, 403, 404, 409, 422 })
    public LedgerEntry redeem(RedeemRequest request) {
        String citizen = ParticipationAccess.citizen(callers.current(), "participation/rewards/redeem");
        RedeemRequest body = Requests.require(request, "requestId");
        return redemptions.redeem(citizen, body.requestId(), body.rewardId());
    }

    @Funq("participation/rewards/seed")
    @ApiDoc(summary = "Load rewards of the shipped catalogue (all, or those named); rewards already present keep their stock", roles = "admin",
            errors = { 401, 403 })
    public Rewards seedRewards(SeedRequest request) {
        ParticipationAccess.operator(callers.current(), "participation/rewards/seed");
        List<String> wanted = request == null ? null : request.rewardIds();
        catalogue.seed(Catalogue.seedFile().stream().filter(reward -> wanted == null || wanted.contains(reward.id())).toList());
        return new Rewards(catalogue.list());
    }

    @Funq("participation/points/grant")
    @ApiDoc(summary = "Pay a rule's points for a cause (e.g. a confirmed bug report), once per cause; 429 when the citizen's daily cap is reached",
            roles = "admin", errors = { 401, 403, 409, 422, 429 })
    public LedgerEntry grant(GrantRequest request) {
        ParticipationAccess.operator(callers.current(), "participation/points/grant");
        GrantRequest body = Requests.require(request, "causeId");
        if (body.citizen() == null || body.citizen().isBlank()) {
            throw new ValidationException("citizen", "is required");
        }
        LedgerEntry entry = ledger.award(body.causeId(), body.citizen(), body.rule());
        if (Ledger.CAPPED.equals(entry.state())) {
            throw ParticipationRefusedException.capReached(body.rule());
        }
        return entry;
    }

    @Funq("participation/evaluators/apply")
    @ApiDoc(summary = "Apply to be a 体验官 (age band, district, device; consent required); applying again answers the application",
            roles = "citizen", errors = { 401, 403, 422 })
    public EvaluatorProgramme.Application apply(ApplyRequest request) {
        String citizen = ParticipationAccess.citizen(callers.current(), "participation/evaluators/apply");
        ApplyRequest body = Requests.require(request, "consent");
        return programme.apply(citizen, body.ageBand(), body.district(), body.device(), Boolean.TRUE.equals(body.consent()));
    }

    @Funq("participation/evaluators/pending")
    @ApiDoc(summary = "体验官 applications waiting for a decision, oldest first", roles = "admin", errors = { 401, 403, 422 })
    public Applications pendingApplications(PageRequest request) {
        ParticipationAccess.operator(callers.current(), "participation/evaluators/pending");
        return new Applications(programme.pending(Pages.size(request == null ? null : request.limit())));
    }

    @Funq("participation/evaluators/decide")
    @ApiDoc(summary = "Approve (within the cap and per-group quotas; 409 names the full group) or reject a 体验官 application",
            roles = "admin", errors = { 401, 403, 404, 409, 422 })
    public EvaluatorProgramme.Application decideApplication(DecideApplication request) {
        String operator = ParticipationAccess.operator(callers.current(), "participation/evaluators/decide");
        DecideApplication body = Requests.require(request, "citizen");
        if (body.citizen() == null || body.approve() == null) {
            throw new ValidationException("citizen", "citizen and approve are required");
        }
        return body.approve() ? programme.approve(operator, body.citizen()) : programme.reject(operator, body.citizen(), body.reason());
    }

    @Funq("participation/beta/post")
    @ApiDoc(summary = "Post a beta task: version, steps, deadline and slots", roles = "admin", errors = { 401, 403, 422 })
    public BetaTasks.Task postTask(PostTask request) {
        ParticipationAccess.operator(callers.current(), "participation/beta/post");
        PostTask body = Requests.require(request, "version");
        return tasks.post(body.version(), body.steps(), body.deadline(), body.slots());
    }

    @Funq("participation/beta/open")
    @ApiDoc(summary = "Beta tasks still open, nearest deadline first", roles = { "citizen", "admin" }, errors = { 401, 403, 422 })
    public Tasks openTasks(PageRequest request) {
        ParticipationAccess.citizenOrOperator(callers.current(), "participation/beta/open");
        return new Tasks(tasks.open(Pages.size(request == null ? null : request.limit())));
    }

    @Funq("participation/beta/claim")
    @ApiDoc(summary = "Claim a slot of a beta task (evaluators only); 409 when the task is full or closed", roles = "citizen",
            errors = { 401, 403, 404, 409, 422 })
    public BetaTasks.Task claim(TaskRequest request) {
        String citizen = ParticipationAccess.citizen(callers.current(), "participation/beta/claim");
        return tasks.claim(citizen, requiredTask(request == null ? null : request.taskId()));
    }

    @Funq("participation/beta/submit")
    @ApiDoc(summary = "Submit my result of a claimed beta task: filed as feedback with channel BETA linked to the task", roles = "citizen",
            errors = { 401, 403, 404, 409, 422, 429 })
    public BetaTasks.Result submitResult(SubmitResult request) {
        String citizen = ParticipationAccess.citizen(callers.current(), "participation/beta/submit");
        SubmitResult body = Requests.require(request, "taskId");
        return tasks.submit(citizen, requiredTask(body.taskId()), body.clientRequestId(), body.text());
    }

    @Funq("participation/beta/review")
    @ApiDoc(summary = "Accept (pays BETA_TASK_ACCEPTED once) or reject an evaluator's beta result", roles = { "staff", "supervisor", "admin" },
            errors = { 401, 403, 404, 409, 422 })
    public BetaTasks.Result review(ReviewResult request) {
        ParticipationAccess.reviewer(callers.current(), "participation/beta/review");
        ReviewResult body = Requests.require(request, "taskId");
        if (body.citizen() == null || body.accept() == null) {
            throw new ValidationException("citizen", "citizen and accept are required");
        }
        return tasks.review(requiredTask(body.taskId()), body.citizen(), body.accept());
    }

    @Funq("participation/ideas/year")
    @ApiDoc(summary = "The year's adopted 金点子 (the annual recognition list to export), with reward decisions", roles = "admin",
            errors = { 401, 403, 422 })
    public Ideas ideasOfYear(YearRequest request) {
        ParticipationAccess.operator(callers.current(), "participation/ideas/year");
        return new Ideas(ideas.year(requiredYear(request == null ? null : request.year())));
    }

    @Funq(DeployNames.IDEAS_ZONE_FUNCTION)
    @ApiDoc(summary = "金点子 zone: the year's adopted suggestions, contributors named (masked) only with their consent; open without a token",
            errors = { 422 })
    public PublicIdeas ideasZone(YearRequest request) {
        return new PublicIdeas(ideas.zone(requiredYear(request == null ? null : request.year())));
    }

    @Funq("participation/bugs/confirm")
    @ApiDoc(summary = "Confirm a citizen's fault report as a real bug: the citizen is told and paid once (BUG_CONFIRMED); lead department "
            + "staff, supervisors, admins", roles = { "staff", "supervisor", "admin" }, errors = { 401, 403, 404, 409, 422 })
    public LedgerEntry confirmBug(BugRequest request) {
        BugRequest body = Requests.require(request, "feedbackId");
        return bugs.confirm(callers.current(), body.feedbackId());
    }

    @Funq("participation/ideas/decide")
    @ApiDoc(summary = "Record a 金点子 reward decision (500–5,000 元) with the reason, once; the system moves no money", roles = "admin",
            errors = { 401, 403, 404, 409, 422 })
    public GoldenIdeas.Idea decideReward(DecideReward request) {
        String operator = ParticipationAccess.operator(callers.current(), "participation/ideas/decide");
        DecideReward body = Requests.require(request, "improvementId");
        if (body.improvementId() == null) {
            throw new ValidationException("improvementId", "is required");
        }
        return ideas.decide(operator, requiredYear(body.year()), body.improvementId(), body.amountYuan(), body.reason());
    }

    @Funq("participation/audit")
    @ApiDoc(summary = "The participation audit trail of one day (UTC yyyy-MM-dd), newest first", roles = "admin", errors = { 401, 403, 422 })
    public Notices audit(DayRequest request) {
        ParticipationAccess.operator(callers.current(), "participation/audit");
        String day = request == null ? null : request.day();
        if (day == null || !day.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new ValidationException("day", "must be a date, yyyy-MM-dd");
        }
        return new Notices(trail.audit(day, Pages.MAX_PAGE_SIZE));
    }

    private static String requiredTask(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new ValidationException("taskId", "is required");
        }
        return taskId;
    }

    private static int requiredYear(Integer year) {
        if (year == null || year < 2020 || year > 2100) {
            throw new ValidationException("year", "must be a year such as 2026");
        }
        return year;
    }
}
