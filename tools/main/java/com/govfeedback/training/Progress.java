package com.govfeedback.training;

import java.io.PrintStream;
import java.util.Locale;

/** Reports on stderr how far a tool has got through its input, at most once a second and at the end. */
final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final String verb;
    private final long total;
    private final PrintStream err = System.err;
    private final long started = System.nanoTime();
    private long done;
    private long lastPrinted = started;

    Progress(String verb, long total) {
        this.verb = verb;
        this.total = total;
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            print(now);
        }
    }

    void finish() {
        print(System.nanoTime());
        err.println();
    }

    private void print(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        err.printf(Locale.ROOT, "\r%s %d/%d lines (%.0f%%, %.0f lines/s)", verb, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, done / seconds);
        err.flush();
    }
}
