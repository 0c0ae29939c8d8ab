package com.govfeedback.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.audit.CaseAuditTrail;
import com.govfeedback.feedback.contact.ContactReveal;
import com.govfeedback.feedback.intake.SubmitFeedback;
import com.govfeedback.feedback.lifecycle.CaseRequests;
import com.govfeedback.improvement.service.ImprovementRequests;
import com.govfeedback.triage.text.PersonalDataMasker;
import com.govfeedback.triage.text.RequestMasker;

/**
 * The one place requests are masked: every function class carries {@link MaskedRequests}, so its body reaches the
 * function only after {@link #requestMasker()}'s rule for its type has masked each free-text field. A field left out
 * below is a code whose validation holds it to a strict form (ids, enumerations, dates, versions, region codes, the
 * assignee's staff name); {@code RequestMaskingTest} fails on any String a request carries that is neither masked nor
 * listed there as a code, and on any function class without the binding.
 */
@ApplicationScoped
public class RequestMasking {

    @Produces
    @Singleton
    static RequestMasker requestMasker() {
        return RequestMasker.with(new PersonalDataMasker())
                .rule(SubmitFeedback.class, (r, m) -> new SubmitFeedback(r.clientRequestId(), m.text(r.text()), r.channel(), m.mask(r.context()),
                        r.contactPhone()))
                .rule(FeedbackContext.class, (r, m) -> new FeedbackContext(m.text(r.screenPath()), m.text(r.deviceModel()), m.text(r.os()),
                        m.text(r.osVersion()), m.text(r.appVersion()), m.text(r.networkType()), r.regionCode(), r.locale()))
                .rule(CaseRequests.Acknowledge.class, (r, m) -> new CaseRequests.Acknowledge(r.id(), m.text(r.publicNote()), r.version()))
                .rule(CaseRequests.Transition.class, (r, m) -> new CaseRequests.Transition(r.id(), r.to(), m.text(r.publicNote()),
                        m.text(r.internalNote()), r.targetQuarter(), r.version()))
                .rule(CaseRequests.Transfer.class, (r, m) -> new CaseRequests.Transfer(r.id(), r.department(), m.text(r.reason()),
                        m.text(r.internalNote()), r.version()))
                .rule(CaseRequests.Merge.class, (r, m) -> new CaseRequests.Merge(r.id(), r.into(), m.text(r.publicNote()), m.text(r.internalNote()),
                        m.text(r.reason()), r.version()))
                .rule(CaseRequests.Assign.class, (r, m) -> new CaseRequests.Assign(r.id(), r.owner(), r.expectedBy(), m.text(r.publicNote()),
                        r.version()))
                .rule(CaseRequests.Reply.class, (r, m) -> new CaseRequests.Reply(r.id(), m.text(r.message()), m.text(r.internalNote()), r.version()))
                .rule(CaseRequests.Review.class, (r, m) -> new CaseRequests.Review(r.id(), r.colour(), r.department(), m.text(r.note()), r.version()))
                .rule(CaseRequests.Rate.class, (r, m) -> new CaseRequests.Rate(r.id(), r.score(), m.text(r.comment())))
                .rule(CaseRequests.Appeal.class, (r, m) -> new CaseRequests.Appeal(r.id(), m.text(r.reason())))
                .rule(CaseRequests.Withdraw.class, (r, m) -> new CaseRequests.Withdraw(r.id(), m.text(r.reason())))
                .rule(CaseRequests.Supplement.class, (r, m) -> new CaseRequests.Supplement(r.id(), m.text(r.text())))
                .rule(CaseRequests.FollowUpCall.class, (r, m) -> new CaseRequests.FollowUpCall(r.id(), r.reached(), r.satisfied(), m.text(r.note()),
                        r.version()))
                .rule(ContactReveal.Request.class, (r, m) -> new ContactReveal.Request(r.id(), m.text(r.reason())))
                .rule(CaseRequests.DecideAppeal.class, (r, m) -> new CaseRequests.DecideAppeal(r.id(), r.decision(), m.text(r.note()), r.version()))
                .rule(ImprovementRequests.Create.class, (r, m) -> new ImprovementRequests.Create(r.clientRequestId(), m.text(r.title()),
                        m.text(r.problem()), r.feedbackIds(), r.clusterId(), m.texts(r.screenPaths()), r.appVersions(), r.domains(), r.feedbackType(),
                        r.leadDepartment(), r.coDepartments(), m.text(r.internalNote())))
                .rule(ImprovementRequests.Update.class, (r, m) -> new ImprovementRequests.Update(r.id(), m.text(r.title()), m.text(r.problem()),
                        m.texts(r.screenPaths()), r.appVersions(), r.domains(), r.feedbackType(), r.coDepartments(), r.expectedDate(),
                        m.text(r.internalNote()), r.version()))
                .rule(ImprovementRequests.Move.class, (r, m) -> new ImprovementRequests.Move(r.id(), r.to(), m.text(r.publicNote()), m.text(r.target()),
                        r.expectedDate(), m.text(r.declineReason()), r.duplicateOf(), m.mask(r.release()), r.version()))
                .rule(ImprovementRequests.ReleaseDetails.class, (r, m) -> new ImprovementRequests.ReleaseDetails(r.appVersion(), r.releasedOn(),
                        m.text(r.note()), m.text(r.stepsBefore()), m.text(r.stepsAfter()), m.texts(r.mediaUrls())))
                .rule(ParticipationFunctions.ProfileRequest.class, (r, m) -> new ParticipationFunctions.ProfileRequest(m.text(r.name()),
                        r.regionCode(), r.optOut(), r.namedOnCredits()))
                .rule(ParticipationFunctions.ApplyRequest.class, (r, m) -> new ParticipationFunctions.ApplyRequest(r.ageBand(), r.district(),
                        m.text(r.device()), r.consent()))
                .rule(ParticipationFunctions.DecideApplication.class, (r, m) -> new ParticipationFunctions.DecideApplication(r.citizen(),
                        r.approve(), m.text(r.reason())))
                .rule(ParticipationFunctions.PostTask.class, (r, m) -> new ParticipationFunctions.PostTask(r.version(), m.text(r.steps()),
                        r.deadline(), r.slots()))
                .rule(ParticipationFunctions.SubmitResult.class, (r, m) -> new ParticipationFunctions.SubmitResult(r.taskId(), r.clientRequestId(),
                        m.text(r.text())))
                .rule(ParticipationFunctions.DecideReward.class, (r, m) -> new ParticipationFunctions.DecideReward(r.year(), r.improvementId(),
                        r.amountYuan(), m.text(r.reason())))
                .rule(TriageAndSlaFunctions.ClassifyRequest.class, (r, m) -> new TriageAndSlaFunctions.ClassifyRequest(m.text(r.text())))
                .codesOnly(CaseRequests.QueueRequest.class, CaseRequests.CopyQueueRequest.class, ImprovementRequests.Grade.class, ImprovementRequests.Link.class,
                        ImprovementRequests.ListPool.class, FeedbackFunctions.FeedbackId.class, FeedbackFunctions.PageRequest.class,
                        ImprovementFunctions.ImprovementId.class, ImprovementFunctions.RoadmapRequest.class, ImprovementFunctions.PageRequest.class,
                        ImprovementFunctions.LeadTimesRequest.class, InsightFunctions.DashboardRequest.class, OverdueFunctions.OverdueRequest.class,
                        ParticipationFunctions.PageRequest.class, ParticipationFunctions.BoardRequest.class, ParticipationFunctions.RedeemRequest.class,
                        ParticipationFunctions.GrantRequest.class, ParticipationFunctions.TaskRequest.class, ParticipationFunctions.ReviewResult.class,
                        ParticipationFunctions.YearRequest.class, ParticipationFunctions.DayRequest.class, ParticipationFunctions.RewardsRequest.class,
                        ParticipationFunctions.SeedRequest.class, ParticipationFunctions.BugRequest.class, TriageAndSlaFunctions.PreviewRequest.class,
                        FeedbackFunctions.TrackingRequest.class, CaseAuditTrail.Request.class)
                .build();
    }

    /** Replaces a function's request by its masked copy before the function runs. */
    @MaskedRequests
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    static class MaskingInterceptor {
        @Inject
        RequestMasker masker;

        @AroundInvoke
        Object maskRequest(InvocationContext invocation) throws Exception {
            Object[] parameters = invocation.getParameters();
            if (parameters.length == 1) {
                invocation.setParameters(new Object[] {masker.mask(parameters[0])});
            }
            return invocation.proceed();
        }
    }
}
