package com.govfeedback.api;

import jakarta.inject.Inject;

import com.govfeedback.feedback.audit.CaseAuditTrail;
import com.govfeedback.feedback.contact.ContactReveal;

import io.quarkus.funqy.Funq;

/** A case's audit trail, and the callback phone revealed with a reason (recorded in the trail). Translate, delegate. */
@MaskedRequests
public class AuditFunctions {
    @Inject
    CaseAuditTrail trails;
    @Inject
    ContactReveal reveals;
    @Inject
    Callers callers;

    @Funq("audit/trail")
    @ApiDoc(summary = "A case's audit trail, oldest first: every change, staff read and reveal, each with its SM3 hash and the previous "
            + "one; reading it is recorded too", roles = { "supervisor", "admin" }, errors = { 401, 403, 404, 422 })
    public CaseAuditTrail.Page trail(CaseAuditTrail.Request request) {
        return trails.trail(callers.current(), Requests.require(request, "id"));
    }

    @Funq("contact/reveal")
    @ApiDoc(summary = "The callback phone in plain, for staff of the handling department, with a reason (4-200 characters); the "
            + "reveal is recorded in the case's audit trail before the number is decrypted", roles = { "staff", "supervisor" },
            errors = { 401, 403, 404, 422 })
    public ContactReveal.Revealed reveal(ContactReveal.Request request) {
        return reveals.reveal(callers.current(), Requests.require(request, "id"));
    }
}
