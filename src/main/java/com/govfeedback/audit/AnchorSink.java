package com.govfeedback.audit;

/** Where the daily anchors are written so that nobody can rewrite them: S3 with Object Lock in the cloud, files locally. */
public interface AnchorSink {
    /** Writes the day's anchor once; a second write for the same day leaves the first in place. */
    void write(Anchor anchor);
}
