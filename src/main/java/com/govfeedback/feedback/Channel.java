package com.govfeedback.feedback;

/** Where the citizen gave the feedback. */
public enum Channel {
    APP, SERVICE_HALL, HOTLINE, EXPERIENCE_OFFICER
}
