package com.govfeedback.api;

import jakarta.inject.Inject;

import com.govfeedback.bridge.FeedbackWithImprovements;
import com.govfeedback.feedback.lifecycle.CaseMerge;
import com.govfeedback.feedback.lifecycle.CaseRequests;
import com.govfeedback.feedback.lifecycle.CaseService;
import com.govfeedback.feedback.lifecycle.CitizenCaseActions;
import com.govfeedback.feedback.lifecycle.FollowUpCalls;
import com.govfeedback.feedback.lifecycle.WorkQueue;
import com.govfeedback.feedback.view.FeedbackPage;
import com.govfeedback.feedback.view.FeedbackView;

import io.quarkus.funqy.Funq;

/** The case lifecycle: work queues, staff operations, citizens' ratings and appeals. Translate, delegate, nothing else. */
@MaskedRequests
public class CaseFunctions {

    @Inject
    CaseService cases;
    @Inject
    CaseMerge merges;
    @Inject
    WorkQueue queues;
    @Inject
    FeedbackWithImprovements withImprovements;
    @Inject
    CitizenCaseActions citizenActions;
    @Inject
    FollowUpCalls followUps;
    @Inject
    Callers callers;

    @Funq("queue/list")
    @ApiDoc(summary = "A work queue, nearest deadline first, filtered by status and colour; review=true for the manual triage queue",
            roles = { "staff", "supervisor", "admin" }, errors = { 401, 403, 422 })
    public FeedbackPage list(CaseRequests.QueueRequest request) {
        return queues.list(callers.current(), request == null ? new CaseRequests.QueueRequest(null, null, null, null, null, null) : request);
    }

    @Funq("queue/copies")
    @ApiDoc(summary = "A department's copy queue (抄送队列): the open cases triage copied it on, nearest deadline first, each in its "
            + "current state; staff read their own department's, supervisors and admins name one", roles = { "staff", "supervisor", "admin" },
            errors = { 401, 403, 422 })
    public FeedbackPage copies(CaseRequests.CopyQueueRequest request) {
        return queues.copies(callers.current(), request == null ? new CaseRequests.CopyQueueRequest(null, null, null) : request);
    }

    @Funq("feedback/acknowledge")
    @ApiDoc(summary = "First staff response: stops the acknowledge clock; a new or reopened feedback becomes ACCEPTED", roles = {
            "staff", "supervisor", "admin" }, errors = { 401, 403, 404, 409, 422 })
    public FeedbackView acknowledge(CaseRequests.Acknowledge request) {
        return cases.acknowledge(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/transition")
    @ApiDoc(summary = "Move a feedback to another status; 409 lists the allowed ones", roles = { "staff", "supervisor", "admin" },
            errors = { 401, 403, 404, 409, 422 })
    public FeedbackView transition(CaseRequests.Transition request) {
        return cases.transition(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/transfer")
    @ApiDoc(summary = "Transfer to another department with a reason; the deadlines stay", roles = { "staff", "supervisor", "admin" },
            errors = { 401, 403, 404, 409, 422 })
    public FeedbackView transfer(CaseRequests.Transfer request) {
        return cases.transfer(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/merge")
    @ApiDoc(summary = "Merge a duplicate into the original (followers and me-too count move); repeating it completes an interrupted merge",
            roles = { "staff", "supervisor", "admin" }, errors = { 401, 403, 404, 409, 422 })
    public FeedbackView merge(CaseRequests.Merge request) {
        return merges.merge(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/assign")
    @ApiDoc(summary = "Name the owner and the expected completion date, both shown to the citizen", roles = { "staff", "supervisor",
            "admin" }, errors = { 401, 403, 404, 409, 422 })
    public FeedbackView assign(CaseRequests.Assign request) {
        return cases.assign(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/reply")
    @ApiDoc(summary = "A public message to the citizen without a state change", roles = { "staff", "supervisor", "admin" },
            errors = { 401, 403, 404, 409, 422 })
    public FeedbackView reply(CaseRequests.Reply request) {
        return cases.reply(callers.current(), Requests.require(request, "id"));
    }

    @Funq("triage/review")
    @ApiDoc(summary = "Confirm or correct triage (colour, lead department); the item leaves the manual triage queue", roles = {
            "staff", "supervisor", "admin" }, errors = { 401, 403, 404, 409, 422 })
    public FeedbackView review(CaseRequests.Review request) {
        return cases.review(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/rate")
    @ApiDoc(summary = "Rate a resolved feedback 1-5 within 7 days; 1-2 open a follow-up (回访)", roles = "citizen", errors = { 401, 403,
            404, 409, 422 })
    public FeedbackView rate(CaseRequests.Rate request) {
        return withImprovements.rate(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/withdraw")
    @ApiDoc(summary = "Withdraw (撤回) one's own feedback before any department acknowledged it; a repeat answers it as withdrawn",
            roles = "citizen", errors = { 401, 403, 404, 409, 422 })
    public FeedbackView withdraw(CaseRequests.Withdraw request) {
        return citizenActions.withdraw(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/supplement")
    @ApiDoc(summary = "Answer a request for more information (补充材料) while the case awaits the citizen; the clock resumes",
            roles = "citizen", errors = { 401, 403, 404, 409, 422 })
    public FeedbackView supplement(CaseRequests.Supplement request) {
        return citizenActions.supplement(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/follow-up")
    @ApiDoc(summary = "Record a 回访 call after a bad rating: reached (satisfied or not) closes it; unanswered calls are retried per "
            + "policy, then closed as unreachable", roles = { "staff", "supervisor", "admin" }, errors = { 401, 403, 404, 409, 422 })
    public FeedbackView followUp(CaseRequests.FollowUpCall request) {
        return followUps.record(callers.current(), Requests.require(request, "id"));
    }

    @Funq("feedback/appeal")
    @ApiDoc(summary = "Appeal a resolution or rejection within 15 days; answered within 48 hours", roles = "citizen", errors = { 401,
            403, 404, 409, 422 })
    public FeedbackView appeal(CaseRequests.Appeal request) {
        return cases.appeal(callers.current(), Requests.require(request, "id"));
    }

    @Funq("appeal/decide")
    @ApiDoc(summary = "Decide an appeal: UPHOLD closes the feedback, REOPEN reopens it with new deadlines", roles = { "supervisor",
            "admin" }, errors = { 401, 403, 404, 409, 422 })
    public FeedbackView decide(CaseRequests.DecideAppeal request) {
        return cases.decideAppeal(callers.current(), Requests.require(request, "id"));
    }
}
