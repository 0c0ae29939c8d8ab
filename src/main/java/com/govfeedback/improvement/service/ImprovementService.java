package com.govfeedback.improvement.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.improvement.AppVersion;
import com.govfeedback.improvement.Improvement;
import com.govfeedback.improvement.ImprovementStatus;
import com.govfeedback.improvement.LeadTimes;
import com.govfeedback.improvement.LinkStats;
import com.govfeedback.improvement.PriorityPolicy;
import com.govfeedback.improvement.PriorityScore;
import com.govfeedback.improvement.ReleaseAwareAnswers;
import com.govfeedback.improvement.SatisfactionChange;
import com.govfeedback.improvement.Tracker;
import com.govfeedback.improvement.ports.FeedbackActions;
import com.govfeedback.improvement.ports.FeedbackFacts;
import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.improvement.store.ImprovementKeys;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.LinkRecord;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.CityZone;
import com.govfeedback.storage.TableSchema;

/**
 * The improvement loop's operations: create from feedback or a cluster, update, grade, move on the tracker, link
 * feedback, support, read, list the pool, the roadmap and the results wall, and lead times; plus the hooks the feedback
 * side calls (a new feedback, a changed feedback) and the scheduled satisfaction measurement.
 */
public final class ImprovementService {
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_TITLE_CHARS = 100;
    public static final int MAX_TEXT_CHARS = 2000;
    public static final int MAX_LINKS_PER_CALL = 500;
    public static final int MAX_LIST_ENTRIES = 20;
    public static final int MAX_ENTRY_CHARS = 200;
    /** How many fan-out pages a status change delivers before answering; the sweep finishes the rest. */
    public static final int FAN_OUT_PAGES_IN_REQUEST = 5;
    private static final int RECOMPUTE_ATTEMPTS = 5;
    private static final java.util.regex.Pattern CLIENT_REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ImprovementService.class);

    private final ImprovementStore store;
    private final FeedbackFacts facts;
    private final FeedbackActions actions;
    private final Tracker tracker;
    private final PriorityPolicy priority;
    private final SatisfactionChange satisfaction;
    private final NoticeFanOut fanOut;
    private final ReleaseAwareAnswers answers;
    private final ImprovementViews views;
    private final Set<String> departments;
    private final Clock clock;

    public ImprovementService(ImprovementStore store, FeedbackFacts facts, FeedbackActions actions, Tracker tracker, PriorityPolicy priority,
            SatisfactionChange satisfaction, NoticeFanOut fanOut, Set<String> departments, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.actions = actions;
        this.tracker = tracker;
        this.priority = priority;
        this.satisfaction = satisfaction;
        this.fanOut = fanOut;
        this.answers = new ReleaseAwareAnswers(tracker);
        this.views = new ImprovementViews(tracker);
        this.departments = Set.copyOf(departments);
        this.clock = clock;
    }

    // ---- create, update, grade

    /**
     * Creates an improvement once per client request id: a retry answers the improvement the first attempt created (and
     * completes its links, should the first attempt have stopped half-way).
     */
    public ImprovementViews.StaffView create(Caller caller, ImprovementRequests.Create request) {
        ImprovementAccess.requireRoleThatLeads(caller, "proposing an improvement");
        String lead = requireDepartment(request.leadDepartment(), "leadDepartment");
        ImprovementAccess.requireMayPropose(caller, lead);
        String clientRequestId = request.clientRequestId();
        if (clientRequestId == null || !CLIENT_REQUEST_ID.matcher(clientRequestId).matches()) {
            throw new ValidationException("clientRequestId", "is required: 8 to 64 letters, digits or . _ : -");
        }
        Optional<Improvement> created = store.requestOwner(caller.subject(), clientRequestId).flatMap(store::find);
        if (created.isPresent()) {
            return completeCreate(created.get().id(), request);
        }
        List<String> feedbackIds = request.feedbackIds() == null ? List.of() : request.feedbackIds();
        if (feedbackIds.isEmpty() && request.clusterId() == null) {
            throw new ValidationException("feedbackIds", "name at least one feedback or a clusterId");
        }
        List<String> coDepartments = request.coDepartments() == null ? List.of() : request.coDepartments();
        coDepartments.forEach(d -> requireDepartment(d, "coDepartments"));
        List<String> toLink = membersToLink(feedbackIds, request.clusterId());
        if (request.clusterId() != null) {
            store.clusterOwner(request.clusterId()).ifPresent(owner -> {
                throw new ConflictException("cluster " + request.clusterId() + " belongs to improvement " + owner + " already");
            });
        }
        for (String feedbackId : toLink) {
            store.feedbackOwner(feedbackId).ifPresent(owner -> {
                throw new ConflictException("feedback " + feedbackId + " belongs to improvement " + owner + " already");
            });
        }
        Instant now = clock.instant();
        String id = store.claimRequest(caller.subject(), clientRequestId, Ids.newId(now));
        Improvement fresh = new Improvement(id, requireText(request.title(), "title", MAX_TITLE_CHARS),
                optionalText(request.problem(), "problem"), screens(request.screenPaths()), versions(request.appVersions()),
                codes(request.domains(), "domains"), type(request.feedbackType()), lead, List.copyOf(coDepartments), request.clusterId() == null ? List.of() : List.of(request.clusterId()),
                ImprovementStatus.PENDING_REVIEW, null, null, null, null, null, null, null, LinkStats.NONE, 0,
                priority.score(LinkStats.NONE, 0, null, null), List.of(new Improvement.HistoryEntry(now, null, ImprovementStatus.PENDING_REVIEW, null)),
                optionalText(request.internalNote(), "internalNote"), caller.subject(), now, now, null, Map.of(), null, 1);
        try {
            store.insert(fresh);
        } catch (ConflictException concurrentRetry) {
            // the same request's other attempt inserted it first; both complete the links
        }
        return completeCreate(id, request);
    }

    /** The claims and links of a created improvement; each step idempotent, so a retry completes an interrupted create. */
    private ImprovementViews.StaffView completeCreate(String id, ImprovementRequests.Create request) {
        List<String> feedbackIds = request.feedbackIds() == null ? List.of() : request.feedbackIds();
        if (request.clusterId() != null) {
            claimCluster(id, request.clusterId());
        }
        link(id, membersToLink(feedbackIds, request.clusterId()));
        return views.staffView(recompute(id));
    }

    public ImprovementViews.StaffView update(Caller caller, ImprovementRequests.Update request) {
        ImprovementAccess.requireRoleThatLeads(caller, "updating an improvement");
        Improvement current = read(request.id());
        ImprovementAccess.requireLeads(caller, current, "updating an improvement");
        requireVersion(current, request.version());
        Improvement.Changes changes = current.change();
        if (request.title() != null) {
            changes.title(requireText(request.title(), "title", MAX_TITLE_CHARS));
        }
        if (request.problem() != null) {
            changes.problem(optionalText(request.problem(), "problem"));
        }
        if (request.screenPaths() != null) {
            changes.screenPaths(screens(request.screenPaths()));
        }
        if (request.appVersions() != null) {
            changes.appVersions(versions(request.appVersions()));
        }
        if (request.domains() != null) {
            changes.domains(codes(request.domains(), "domains"));
        }
        if (request.feedbackType() != null) {
            changes.feedbackType(type(request.feedbackType()));
        }
        if (request.coDepartments() != null) {
            request.coDepartments().forEach(d -> requireDepartment(d, "coDepartments"));
            changes.coDepartments(codes(request.coDepartments(), "coDepartments"));
        }
        if (request.expectedDate() != null) {
            changes.expectedDate(date(request.expectedDate(), "expectedDate"));
        }
        if (request.internalNote() != null) {
            changes.internalNote(optionalText(request.internalNote(), "internalNote"));
        }
        Improvement next = changes.next();
        store.replace(next);
        return views.staffView(next);
    }

    public ImprovementViews.StaffView grade(Caller caller, ImprovementRequests.Grade request) {
        ImprovementAccess.requireRoleThatManages(caller, "grading an improvement");
        Improvement current = read(request.id());
        ImprovementAccess.requireManages(caller, current, "grading an improvement");
        requireVersion(current, request.version());
        Integer urgency = request.urgency() == null ? current.urgencyGrade() : Integer.valueOf(PriorityPolicy.requireGrade(request.urgency()));
        String effort = request.effort() == null ? current.effort() : priority.requireEffort(request.effort());
        Improvement next = current.change().urgencyGrade(urgency).effort(effort)
                .priority(priority.score(current.stats(), current.supporters(), urgency, effort)).next();
        store.replace(next);
        return views.staffView(next);
    }

    // ---- the tracker

    /**
     * Moves the improvement on the tracker. The change, its history entry and the pending fan-out to every linked
     * citizen are one conditional write; the fan-out then starts at once and the sweep finishes what is left.
     */
    public ImprovementViews.StaffView move(Caller caller, ImprovementRequests.Move request) {
        ImprovementAccess.requireRoleThatManages(caller, "moving an improvement on the tracker");
        Improvement current = read(request.id());
        ImprovementAccess.requireManages(caller, current, "moving an improvement on the tracker");
        requireVersion(current, request.version());
        ImprovementStatus to = ImprovementStatus.parse(request.to(), "to");
        tracker.requireAllowed(current.status(), to);
        Instant now = clock.instant();
        String note = optionalText(request.publicNote(), "publicNote");
        Improvement.Changes changes = current.change().status(to);
        String noticeNote = note;
        switch (to) {
            case ACCEPTED -> {
                changes.target(optionalText(request.target(), "target"));
                if (request.expectedDate() != null) {
                    changes.expectedDate(date(request.expectedDate(), "expectedDate"));
                }
            }
            case DECLINED -> {
                String reason = requireText(request.declineReason(), "declineReason", MAX_TEXT_CHARS);
                changes.declineReason(reason);
                noticeNote = reason;
            }
            case DUPLICATE_OF -> {
                Improvement original = duplicateTarget(current, request.duplicateOf());
                changes.duplicateOf(original.id());
            }
            case RELEASED -> {
                Improvement.Release release = release(request.release(), now);
                changes.release(release);
                noticeNote = release.note();
            }
            default -> {
                if (request.expectedDate() != null) {
                    changes.expectedDate(date(request.expectedDate(), "expectedDate"));
                }
            }
        }
        List<Improvement.HistoryEntry> history = new ArrayList<>(current.history());
        history.add(new Improvement.HistoryEntry(now, current.status(), to, note));
        String noticeId = current.id() + ":" + to + ":" + history.size();
        Map<String, Improvement.FanOut> fanOuts = new HashMap<>(current.fanOuts());
        fanOuts.put(noticeId, new Improvement.FanOut(noticeId, to, tracker.text("statusNotice", Map.of("title", current.title(),
                "status", tracker.label(to), "note", noticeNote == null ? "" : noticeNote)), now, Improvement.FanOut.START));
        Improvement next = changes.history(List.copyOf(history)).fanOuts(fanOuts).next();
        store.replace(next);
        afterMove(next);
        try {
            fanOut.run(next.id(), FAN_OUT_PAGES_IN_REQUEST);
        } catch (RuntimeException interrupted) {
            // the move is stored with its pending fan-out; the sweep resumes it from the recorded cursor
            LOG.warnf(interrupted, "fan-out of %s interrupted; the sweep resumes it", next.id());
        }
        return views.staffView(store.find(next.id()).orElse(next));
    }

    /** The steps after a move that touch other items; each is idempotent, so calling this again completes a crashed move. */
    public void afterMove(Improvement moved) {
        if (moved.status() == ImprovementStatus.RELEASED && moved.feedbackType() != null) {
            moved.screenPaths().forEach(screen -> store.putReleasedScreen(screen, moved.feedbackType(), moved.id()));
        }
        if (moved.status() == ImprovementStatus.DUPLICATE_OF) {
            moveToOriginal(moved);
        }
    }

    /** Links, clusters and supporters of a duplicate move to the improvement it duplicates, which is then recomputed. */
    private void moveToOriginal(Improvement duplicate) {
        String original = duplicate.duplicateOf();
        for (LinkRecord link : store.allLinks(duplicate.id())) {
            store.moveFeedbackClaim(link.feedbackId(), duplicate.id(), original);
            store.putLink(original, link);
        }
        for (String cluster : duplicate.clusterIds()) {
            store.moveClusterClaim(cluster, duplicate.id(), original);
        }
        store.supporters(duplicate.id()).forEach(supporter -> store.putSupporter(original, supporter, clock.instant()));
        addClusters(original, duplicate.clusterIds());
        recompute(original);
    }

    // ---- links and support

    /** Links feedback (and optionally a cluster's members) to an improvement; 409 naming the holder when one belongs elsewhere. */
    public ImprovementViews.StaffView linkFeedback(Caller caller, ImprovementRequests.Link request) {
        ImprovementAccess.requireRoleThatLeads(caller, "linking feedback to an improvement");
        Improvement current = read(request.id());
        ImprovementAccess.requireLeads(caller, current, "linking feedback to an improvement");
        if (!current.status().inPool() && current.status() != ImprovementStatus.RELEASED) {
            throw new ConflictException("improvement " + current.id() + " is " + current.status() + "; link feedback to the one that carries on");
        }
        List<String> feedbackIds = request.feedbackIds() == null ? List.of() : request.feedbackIds();
        if (feedbackIds.isEmpty() && request.clusterId() == null) {
            throw new ValidationException("feedbackIds", "name at least one feedback or a clusterId");
        }
        List<String> toLink = membersToLink(feedbackIds, request.clusterId());
        if (request.clusterId() != null) {
            claimCluster(current.id(), request.clusterId());
            addClusters(current.id(), List.of(request.clusterId()));
        }
        link(current.id(), toLink);
        return views.staffView(recompute(current.id()));
    }

    /** "我也需要": a citizen supports an improvement once; a repeat changes nothing. Answers the public view. */
    public ImprovementViews.PublicView support(Caller caller, String id) {
        caller.require(Role.CITIZEN, "supporting an improvement");
        Improvement current = read(id);
        if (!current.status().inPool()) {
            throw new ConflictException("improvement " + id + " is " + current.status() + " and takes no more support");
        }
        store.putSupporter(id, caller.subject(), clock.instant());
        return views.publicView(recompute(id));
    }

    /**
     * Re-reads the facts of a linked feedback (a citizen rated its case) and recomputes the priority. The feedback side
     * calls this after a change of a feedback that belongs to an improvement; a feedback not linked is ignored.
     */
    public void feedbackChanged(String feedbackId) {
        Optional<String> owner = store.feedbackOwner(feedbackId);
        Optional<FeedbackFacts.Fact> fact = facts.find(feedbackId);
        if (owner.isEmpty() || fact.isEmpty()) {
            return;
        }
        store.putLink(owner.get(), linkRecord(fact.get(), clock.instant()));
        recompute(owner.get());
    }

    /** What happened to a new feedback. */
    public enum NewFeedbackOutcome {
        NONE, JOINED, ANSWERED_FIXED, POSSIBLE_REGRESSION
    }

    /**
     * Called for every new feedback (after it is stored): a released fix answers it at once (app version below the fix)
     * or flags it as a possible regression (at or above); otherwise a feedback in a cluster an improvement holds joins it.
     * Idempotent: the link is a claim, and the actions are idempotent per feedback.
     */
    public NewFeedbackOutcome newFeedback(String feedbackId) {
        FeedbackFacts.Fact fact = facts.find(feedbackId).orElseThrow(() -> new NotFoundException("no feedback " + feedbackId));
        Optional<Improvement> byCluster = fact.clusterId() == null ? Optional.empty()
                : store.clusterOwner(fact.clusterId()).flatMap(store::find);
        Map<String, Improvement> released = new HashMap<>();
        byCluster.filter(i -> i.status() == ImprovementStatus.RELEASED).ifPresent(i -> released.put(i.id(), i));
        if (fact.screenPath() != null && fact.type() != null) {
            store.releasedOnScreen(fact.screenPath(), fact.type()).forEach(id -> store.find(id).ifPresent(i -> released.put(id, i)));
        }
        Optional<ReleaseAwareAnswers.Answer> answer = answers.decide(fact, List.copyOf(released.values()));
        if (answer.isPresent() && answer.get().kind() == ReleaseAwareAnswers.Kind.FIXED_IN_LATER_VERSION) {
            if (store.claimFeedback(feedbackId, answer.get().improvementId()).equals(answer.get().improvementId())) {
                store.putLink(answer.get().improvementId(), linkRecord(fact, clock.instant()));
                recompute(answer.get().improvementId());
            }
            actions.replyAutomatically(feedbackId, answer.get().improvementId(), answer.get().text());
            return NewFeedbackOutcome.ANSWERED_FIXED;
        }
        if (answer.isPresent()) {
            actions.markPossibleRegression(feedbackId, answer.get().improvementId(), answer.get().text());
            return NewFeedbackOutcome.POSSIBLE_REGRESSION;
        }
        if (byCluster.isPresent() && byCluster.get().status().inPool()) {
            link(byCluster.get().id(), List.of(feedbackId));
            recompute(byCluster.get().id());
            return NewFeedbackOutcome.JOINED;
        }
        return NewFeedbackOutcome.NONE;
    }

    // ---- reads

    /** Staff who lead or co-operate see the staff view; everybody else the public view. */
    public ImprovementViews.View get(Caller caller, String id) {
        Improvement improvement = read(id);
        return ImprovementAccess.seesInternals(caller, improvement) ? views.staffView(improvement) : views.publicView(improvement);
    }

    /** The improvement a feedback belongs to, as the citizen's tracker shows it; empty when it belongs to none. */
    public Optional<ImprovementViews.PublicView> trackerOf(String feedbackId) {
        return store.feedbackOwner(feedbackId).flatMap(store::find).map(views::publicView);
    }

    public record StaffPage(List<ImprovementViews.StaffView> items, String cursor) {
    }

    public record PublicPage(List<ImprovementViews.PublicView> items, String cursor) {
    }

    /**
     * The pool: by department when {@code department} is given or the caller works for one (optionally one status), else by status when {@code status}
     * is given, else every improvement still in the pool; highest priority first (RELEASED: newest release first).
     */
    public StaffPage pool(Caller caller, ImprovementRequests.ListPool request) {
        // staff and supervisors who name no department list their own
        String department = request.department() == null && caller.role().needsDepartment() ? caller.department() : request.department();
        ImprovementAccess.requireMayListPool(caller, department);
        int limit = limit(request.limit());
        ImprovementStatus status = request.status() == null ? null : ImprovementStatus.parse(request.status(), "status");
        ImprovementStore.Page page;
        if (department != null) {
            page = store.list(TableSchema.BY_DEPARTMENT, ImprovementKeys.departmentPartition(department),
                    true, limit, request.cursor(), status == null ? null : status.name());
        } else if (status != null) {
            page = byStatus(status, limit, request.cursor());
        } else {
            page = store.list(TableSchema.BY_POOL, ImprovementKeys.POOL, true, limit, request.cursor(), null);
        }
        return new StaffPage(page.items().stream().map(views::staffView).toList(), page.lastSortKey());
    }

    /** The public roadmap: one status at a time, public views only. */
    public PublicPage roadmap(String status, Integer limit, String cursor) {
        ImprovementStatus wanted = ImprovementStatus.parse(status, "status");
        if (wanted == ImprovementStatus.DUPLICATE_OF) {
            throw new ValidationException("status", "duplicates are shown on the improvement they duplicate");
        }
        ImprovementStore.Page page = byStatus(wanted, limit(limit), cursor);
        return new PublicPage(page.items().stream().map(views::publicView).toList(), page.lastSortKey());
    }

    /** The results wall (改进成果墙): released improvements, newest release first, with before/after and measured satisfaction. */
    public PublicPage resultsWall(Integer limit, String cursor) {
        return roadmap(ImprovementStatus.RELEASED.name(), limit, cursor);
    }

    public record LeadTimeSummary(List<LeadTimes.LeadTime> improvements, List<LeadTimes.Quarter> quarters) {
    }

    /** Request-to-release days of every released improvement and the median per quarter (reads the RELEASED partition only). */
    public LeadTimeSummary leadTimes(Caller caller) {
        if (caller.is(Role.CITIZEN)) {
            throw new ForbiddenException("lead times are for staff and the optimisation office");
        }
        List<LeadTimes.LeadTime> all = new ArrayList<>();
        String cursor = null;
        do {
            ImprovementStore.Page page = byStatus(ImprovementStatus.RELEASED, MAX_PAGE_SIZE, cursor);
            page.items().forEach(i -> all.add(LeadTimes.of(i)));
            cursor = page.lastSortKey();
        } while (cursor != null);
        return new LeadTimeSummary(all, LeadTimes.medianPerQuarter(all));
    }

    /**
     * The scheduled measurement: for every released improvement whose after-window is still open (or was not measured
     * after it closed), the satisfaction change from stored ratings. Newest release first; stops at releases whose
     * measurement is complete.
     */
    public int measureSatisfaction(RatingSource ratings) {
        Instant now = clock.instant();
        int measured = 0;
        String cursor = null;
        do {
            ImprovementStore.Page page = byStatus(ImprovementStatus.RELEASED, MAX_PAGE_SIZE, cursor);
            for (Improvement released : page.items()) {
                if (released.satisfaction() != null && released.satisfaction().complete()) {
                    return measured;
                }
                SatisfactionChange.Result result = satisfaction.measure(ratings, Set.copyOf(released.screenPaths()), Set.copyOf(released.domains()),
                        released.release().releasedAt(), now, tracker);
                try {
                    store.replace(released.change().satisfaction(result).next());
                    measured++;
                } catch (ConflictException changedMeanwhile) {
                    // measured again on the next run
                }
            }
            cursor = page.lastSortKey();
        } while (cursor != null);
        return measured;
    }

    /** What one sweep step did: LONG_TERM progress notices started, and the fan-out work done. */
    public record SweepResult(int progressNoticesStarted, NoticeFanOut.Report fanOut) {
    }

    /**
     * The sweep's step for improvements: starts this quarter's progress notice for every LONG_TERM improvement that
     * entered LONG_TERM in an earlier quarter and has not had it yet, then resumes every pending fan-out.
     */
    public SweepResult sweep(int maxImprovements) {
        int started = quarterlyProgress();
        return new SweepResult(started, fanOut.resumePending(clock.instant(), maxImprovements, Integer.MAX_VALUE));
    }

    /**
     * One progress notice per quarter to the citizens linked to a LONG_TERM improvement, as one conditional write adding
     * the fan-out and the quarter it was for (so it is started once per quarter however often the sweep runs). Reads
     * the LONG_TERM partition of ByStatus only.
     */
    int quarterlyProgress() {
        Instant now = clock.instant();
        String quarter = LeadTimes.quarterOf(now);
        int started = 0;
        String cursor = null;
        do {
            ImprovementStore.Page page = byStatus(ImprovementStatus.LONG_TERM, MAX_PAGE_SIZE, cursor);
            for (Improvement improvement : page.items()) {
                Instant since = improvement.history().get(improvement.history().size() - 1).at();
                if (quarter.equals(LeadTimes.quarterOf(since)) || quarter.equals(improvement.lastProgressQuarter())) {
                    continue;
                }
                String noticeId = improvement.id() + ":PROGRESS:" + quarter;
                Map<String, Improvement.FanOut> fanOuts = new HashMap<>(improvement.fanOuts());
                fanOuts.put(noticeId, new Improvement.FanOut(noticeId, ImprovementStatus.LONG_TERM, tracker.text("progressNotice",
                        Map.of("title", improvement.title(), "quarter", quarter)), now, Improvement.FanOut.START));
                try {
                    store.replace(improvement.change().fanOuts(fanOuts).lastProgressQuarter(quarter).next());
                    started++;
                } catch (ConflictException changedMeanwhile) {
                    // the next sweep sees the new state and decides again
                }
            }
            cursor = page.lastSortKey();
        } while (cursor != null);
        return started;
    }

    // ---- internals

    private ImprovementStore.Page byStatus(ImprovementStatus status, int limit, String cursor) {
        return store.list(TableSchema.BY_STATUS, ImprovementKeys.statusPartition(status.name()),
                status != ImprovementStatus.RELEASED, limit, cursor, null);
    }

    private List<String> membersToLink(List<String> feedbackIds, String clusterId) {
        Set<String> ids = new LinkedHashSet<>(feedbackIds);
        if (clusterId != null) {
            List<String> members = facts.clusterMembers(clusterId);
            if (members.isEmpty()) {
                throw new ValidationException("clusterId", "no cluster " + clusterId);
            }
            ids.addAll(members);
        }
        if (ids.size() > MAX_LINKS_PER_CALL) {
            throw new ValidationException("feedbackIds", "at most " + MAX_LINKS_PER_CALL + " per call; link the rest in further calls");
        }
        return List.copyOf(ids);
    }

    private void claimCluster(String improvementId, String clusterId) {
        String holder = store.claimCluster(clusterId, improvementId);
        if (!holder.equals(improvementId)) {
            throw new ConflictException("cluster " + clusterId + " belongs to improvement " + holder + " already");
        }
    }

    private void addClusters(String improvementId, List<String> clusterIds) {
        rewrite(improvementId, i -> {
            Set<String> all = new LinkedHashSet<>(i.clusterIds());
            if (!all.addAll(clusterIds)) {
                return null;
            }
            return i.change().clusterIds(List.copyOf(all)).next();
        });
    }

    /** Claims and link items for each feedback; a feedback of another improvement is refused (409) naming it. */
    private void link(String improvementId, List<String> feedbackIds) {
        Instant now = clock.instant();
        for (String feedbackId : feedbackIds) {
            FeedbackFacts.Fact fact = facts.find(feedbackId)
                    .orElseThrow(() -> new ValidationException("feedbackIds", "no feedback " + feedbackId));
            String holder = store.claimFeedback(feedbackId, improvementId);
            if (!holder.equals(improvementId)) {
                throw new ConflictException("feedback " + feedbackId + " belongs to improvement " + holder + " already");
            }
            store.putLink(improvementId, linkRecord(fact, now));
        }
    }

    private static LinkRecord linkRecord(FeedbackFacts.Fact fact, Instant now) {
        return new LinkRecord(fact.feedbackId(), fact.citizen(), fact.clusterId(), Math.max(1, fact.clusterSize()), fact.colour(), fact.negative(),
                fact.ratingScore(), fact.submittedAt(), now, fact.consentedName());
    }

    /**
     * Recomputes the link statistics, supporters, lead-time start and priority from the link and supporter items, and
     * writes them when they changed (retrying on a concurrent change). Absolute values, not increments, so a repeat is
     * harmless and a crash is repaired by the next recompute.
     */
    Improvement recompute(String improvementId) {
        List<LinkRecord> links = store.allLinks(improvementId);
        LinkStats stats = stats(links);
        long supporters = store.countSupporters(improvementId);
        Instant earliest = links.stream().map(LinkRecord::submittedAt).min(Instant::compareTo).orElse(null);
        return rewrite(improvementId, i -> {
            Instant requestedAt = earliest != null && earliest.isBefore(i.createdAt()) ? earliest : i.createdAt();
            PriorityScore score = priority.score(stats, supporters, i.urgencyGrade(), i.effort());
            if (stats.equals(i.stats()) && supporters == i.supporters() && score.equals(i.priority()) && requestedAt.equals(i.requestedAt())) {
                return null;
            }
            return i.change().stats(stats).supporters(supporters).priority(score).requestedAt(requestedAt).next();
        });
    }

    /**
     * A read-change-write of one improvement, retried when someone else wrote in between. The change answers null for
     * "nothing to do"; the answer is the improvement as it stands afterwards.
     */
    private Improvement rewrite(String improvementId, java.util.function.UnaryOperator<Improvement> change) {
        for (int attempt = 1;; attempt++) {
            Improvement current = read(improvementId);
            Improvement next = change.apply(current);
            if (next == null) {
                return current;
            }
            try {
                store.replace(next);
                return next;
            } catch (ConflictException raced) {
                if (attempt == RECOMPUTE_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    LinkStats stats(List<LinkRecord> links) {
        Map<String, Long> colours = new java.util.TreeMap<>();
        Map<String, Long> clusterSizes = new HashMap<>();
        Map<String, Long> linkedPerCluster = new HashMap<>();
        long negative = 0;
        long rated = 0;
        long bad = 0;
        for (LinkRecord link : links) {
            if (link.colour() != null) {
                colours.merge(link.colour(), 1L, Long::sum);
            }
            if (link.negative()) {
                negative++;
            }
            if (link.ratingScore() != null) {
                rated++;
                if (link.ratingScore() <= priority.badRatingAtOrBelow()) {
                    bad++;
                }
            }
            if (link.clusterId() != null) {
                clusterSizes.merge(link.clusterId(), link.clusterSize(), Math::max);
                linkedPerCluster.merge(link.clusterId(), 1L, Long::sum);
            }
        }
        long meToo = 0;
        for (Map.Entry<String, Long> cluster : clusterSizes.entrySet()) {
            meToo += Math.max(0, cluster.getValue() - linkedPerCluster.get(cluster.getKey()));
        }
        long citizens = links.stream().map(LinkRecord::citizen).distinct().count();
        List<String> contributors = links.stream().filter(l -> l.consentedName() != null)
                .sorted(java.util.Comparator.comparing(LinkRecord::submittedAt)).map(LinkRecord::consentedName).distinct()
                .limit(LinkStats.CONTRIBUTORS_SHOWN).toList();
        return new LinkStats(links.size(), meToo, colours, negative, rated, bad, citizens, contributors);
    }

    private Improvement duplicateTarget(Improvement duplicate, String originalId) {
        if (originalId == null || originalId.isBlank()) {
            throw new ValidationException("duplicateOf", "required when moving to DUPLICATE_OF");
        }
        if (originalId.equals(duplicate.id())) {
            throw new ValidationException("duplicateOf", "an improvement cannot duplicate itself");
        }
        Improvement original = store.find(originalId).orElseThrow(() -> new ValidationException("duplicateOf", "no improvement " + originalId));
        if (original.status() == ImprovementStatus.DUPLICATE_OF || original.status() == ImprovementStatus.DECLINED) {
            throw new ValidationException("duplicateOf", "improvement " + originalId + " is " + original.status() + "; name the one that carries on");
        }
        return original;
    }

    private Improvement.Release release(ImprovementRequests.ReleaseDetails details, Instant now) {
        if (details == null || details.appVersion() == null || details.appVersion().isBlank()) {
            throw new ValidationException("release.appVersion", "required when moving to RELEASED: the app version that carries the change");
        }
        AppVersion.parse(details.appVersion(), "release.appVersion");
        LocalDate releasedOn = details.releasedOn() == null ? LocalDate.ofInstant(now, CityZone.ZONE) : date(details.releasedOn(), "release.releasedOn");
        Instant releasedAt = releasedOn.atStartOfDay(CityZone.ZONE).toInstant();
        List<String> media = list(details.mediaUrls(), "release.mediaUrls", url -> url.startsWith("https://"));
        return new Improvement.Release(details.appVersion().trim(), releasedOn, releasedAt, optionalText(details.note(), "release.note"),
                optionalText(details.stepsBefore(), "release.stepsBefore"), optionalText(details.stepsAfter(), "release.stepsAfter"), List.copyOf(media));
    }

    private Improvement read(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFoundException("no improvement " + id);
        }
        return store.find(id).orElseThrow(() -> new NotFoundException("no improvement " + id));
    }

    private static void requireVersion(Improvement current, Long version) {
        if (version == null) {
            throw new ValidationException("version", "required: the version you read");
        }
        if (version != current.version()) {
            throw new ConflictException("improvement " + current.id() + " is at version " + current.version() + ", not " + version
                    + "; read it again and retry");
        }
    }

    private String requireDepartment(String department, String field) {
        if (department == null || !departments.contains(department)) {
            throw new ValidationException(field, "a known department code, got " + department);
        }
        return department;
    }

    private String requireText(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "required");
        }
        if (text.length() > max) {
            throw new ValidationException(field, "at most " + max + " characters");
        }
        return text.strip();
    }

    private String optionalText(String text, String field) {
        return text == null || text.isBlank() ? null : requireText(text, field, MAX_TEXT_CHARS);
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "a date like 2026-12-31");
        }
    }

    /** A short list of short values (screens, versions, domains, clusters, media), each checked by {@code valid}. */
    private static List<String> list(List<String> values, String field, java.util.function.Predicate<String> valid) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST_ENTRIES) {
            throw new ValidationException(field, "at most " + MAX_LIST_ENTRIES + " entries");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > MAX_ENTRY_CHARS || !valid.test(value)) {
                throw new ValidationException(field, "entries must be non-empty, at most " + MAX_ENTRY_CHARS + " characters, and well-formed; got "
                        + (value == null ? null : value.substring(0, Math.min(value.length(), 40))));
            }
        }
        return List.copyOf(values);
    }

    private static List<String> screens(List<String> values) {
        return list(values, "screenPaths", v -> v.startsWith("/"));
    }

    private static List<String> versions(List<String> values) {
        return list(values, "appVersions", AppVersion::isValid);
    }

    private static List<String> codes(List<String> values, String field) {
        return list(values, field, v -> v.matches("[A-Z][A-Z0-9_]*"));
    }

    private static String type(String feedbackType) {
        return feedbackType == null ? null : codes(List.of(feedbackType), "feedbackType").get(0);
    }

    private static int limit(Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("limit", "between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }
}
