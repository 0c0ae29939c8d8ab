package com.govfeedback.feedback;

/**
 * What the app knows about the screen and device the feedback came from; every field is optional.
 *
 * @param regionCode a six-digit administrative division code (GB/T 2260)
 */
public record FeedbackContext(String screenPath, String deviceModel, String os, String osVersion, String appVersion,
        String networkType, String regionCode, String locale) {

    public static final FeedbackContext EMPTY = new FeedbackContext(null, null, null, null, null, null, null, null);
}
