package com.govfeedback.api;

import jakarta.inject.Inject;

import com.govfeedback.deploy.DeployNames;
import com.govfeedback.improvement.service.ImprovementRequests;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.service.ImprovementViews;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.Pages;

import io.quarkus.funqy.Funq;

/**
 * The improvement loop (需求池, tracker, roadmap, results wall): translate, delegate to {@link ImprovementService}, nothing
 * else. Listing cursors are opaque ({@link Pages}) and bound to the listing that issued them.
 */
@MaskedRequests
public class ImprovementFunctions {
    private static final String MANAGERS = "optimisation-office";
    @Inject
    ImprovementService improvements;
    @Inject
    Callers callers;

    /** Identifies one improvement. */
    public record ImprovementId(String id) {
    }

    /** One status of the public roadmap (PENDING_REVIEW, ACCEPTED, IN_DEVELOPMENT, IN_TESTING, RELEASED, LONG_TERM, DECLINED). */
    public record RoadmapRequest(String status, Integer limit, String cursor) {
    }

    public record PageRequest(Integer limit, String cursor) {
    }

    /** Lead times take no parameters yet: the body is an empty object, so clients send one shape to every operation. */
    public record LeadTimesRequest() {
    }

    @Funq("improvement/create")
    @ApiDoc(summary = "Propose an improvement (需求) from feedback ids and/or a similar-feedback cluster; idempotent per clientRequestId; "
            + "409 names the improvement a feedback or cluster already belongs to", roles = { MANAGERS, "supervisor", "staff" },
            errors = { 401, 403, 409, 422 })
    public ImprovementViews.StaffView create(ImprovementRequests.Create request) {
        return improvements.create(callers.current(), Requests.require(request, "leadDepartment"));
    }

    @Funq("improvement/get")
    @ApiDoc(summary = "One improvement: the staff view for those who lead or co-operate on it, otherwise the public view", roles = {
            MANAGERS, "supervisor", "staff", "admin", "citizen" }, errors = { 401, 403, 404 })
    public ImprovementViews.View get(ImprovementId request) {
        return improvements.get(callers.current(), Requests.require(request, "id").id());
    }

    @Funq("improvement/update")
    @ApiDoc(summary = "Change an improvement's title, problem, screens, versions, domains, co-operating departments, expected date or "
            + "internal note; on the version read", roles = { MANAGERS, "supervisor", "staff" }, errors = { 401, 403, 404, 409, 422 })
    public ImprovementViews.StaffView update(ImprovementRequests.Update request) {
        return improvements.update(callers.current(), Requests.require(request, "id"));
    }

    @Funq("improvement/grade")
    @ApiDoc(summary = "Grade business urgency (1-5) and effort (S, M, L, XL); the priority is recomputed with its components",
            roles = { MANAGERS, "supervisor" }, errors = { 401, 403, 404, 409, 422 })
    public ImprovementViews.StaffView grade(ImprovementRequests.Grade request) {
        return improvements.grade(callers.current(), Requests.require(request, "id"));
    }

    @Funq("improvement/move")
    @ApiDoc(summary = "Move on the tracker (ACCEPTED with target, IN_DEVELOPMENT, IN_TESTING, RELEASED with release.appVersion, "
            + "DECLINED with declineReason, LONG_TERM, DUPLICATE_OF with duplicateOf); every linked citizen is told once; 409 lists "
            + "the allowed moves", roles = { MANAGERS, "supervisor" }, errors = { 401, 403, 404, 409, 422 })
    public ImprovementViews.StaffView move(ImprovementRequests.Move request) {
        return improvements.move(callers.current(), Requests.require(request, "id"));
    }

    @Funq("improvement/link")
    @ApiDoc(summary = "Link feedback and/or a cluster; a feedback belongs to one improvement (409 names it)", roles = { MANAGERS,
            "supervisor", "staff" }, errors = { 401, 403, 404, 409, 422 })
    public ImprovementViews.StaffView link(ImprovementRequests.Link request) {
        return improvements.linkFeedback(callers.current(), Requests.require(request, "id"));
    }

    @Funq("improvement/support")
    @ApiDoc(summary = "我也需要: a citizen supports an improvement once (a repeat changes nothing); it counts in the priority",
            roles = "citizen", errors = { 401, 403, 404, 409 })
    public ImprovementViews.PublicView support(ImprovementId request) {
        return improvements.support(callers.current(), Requests.require(request, "id").id());
    }

    @Funq("improvement/pool")
    @ApiDoc(summary = "The 需求池, highest priority first: by department (staff and supervisors: their own), by status, or city-wide",
            roles = { MANAGERS, "admin", "supervisor", "staff" }, errors = { 401, 403, 422 })
    public ImprovementService.StaffPage pool(ImprovementRequests.ListPool request) {
        ImprovementRequests.ListPool asked = request == null ? new ImprovementRequests.ListPool(null, null, null, null) : request;
        String kind = "pool:" + asked.status() + ":" + asked.department() + ":";
        ImprovementService.StaffPage page = improvements.pool(callers.current(), new ImprovementRequests.ListPool(asked.status(),
                asked.department(), Pages.size(asked.limit()), Pages.decode(kind, asked.cursor(), ImprovementFunctions::isSortKey)));
        return new ImprovementService.StaffPage(page.items(), Pages.encode(kind, page.cursor()));
    }

    @Funq(DeployNames.ROADMAP_FUNCTION)
    @ApiDoc(summary = "The public roadmap: improvements in one status, public views only (no personal data, no internal notes); "
            + "open without a token", errors = { 422 })
    public ImprovementService.PublicPage roadmap(RoadmapRequest request) {
        RoadmapRequest asked = Requests.require(request, "status");
        String kind = "roadmap:" + asked.status() + ":";
        ImprovementService.PublicPage page = improvements.roadmap(asked.status(), Pages.size(asked.limit()),
                Pages.decode(kind, asked.cursor(), ImprovementFunctions::isSortKey));
        return new ImprovementService.PublicPage(page.items(), Pages.encode(kind, page.cursor()));
    }

    @Funq(DeployNames.RESULTS_WALL_FUNCTION)
    @ApiDoc(summary = "改进成果墙: released improvements, newest first, with before/after, contributors and the measured satisfaction "
            + "change; open without a token", errors = { 422 })
    public ImprovementService.PublicPage resultsWall(PageRequest request) {
        PageRequest asked = request == null ? new PageRequest(null, null) : request;
        String kind = "wall:";
        ImprovementService.PublicPage page = improvements.resultsWall(Pages.size(asked.limit()),
                Pages.decode(kind, asked.cursor(), ImprovementFunctions::isSortKey));
        return new ImprovementService.PublicPage(page.items(), Pages.encode(kind, page.cursor()));
    }

    @Funq("improvement/lead-times")
    @ApiDoc(summary = "Request-to-release days per released improvement and the median per quarter (target 45 → 18 days)", roles = {
            MANAGERS, "admin", "supervisor", "staff" }, errors = { 401, 403 })
    public ImprovementService.LeadTimeSummary leadTimes(LeadTimesRequest request) {
        return improvements.leadTimes(callers.current());
    }

    /** An index sort key this service issues: {@code {rank or release time}#{improvement id}}. */
    private static boolean isSortKey(String position) {
        int separator = position.lastIndexOf('#');
        return separator > 0 && Ids.isWellFormed(position.substring(separator + 1));
    }
}
