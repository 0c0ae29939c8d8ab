package com.govfeedback.feedback;

/** Where the citizen gave the feedback. */
public enum Channel {
    APP, SERVICE_HALL, HOTLINE, EXPERIENCE_OFFICER,
    /** a 体验官's beta-task result, filed through participation's beta tasks and linked to the task */
    BETA
}
