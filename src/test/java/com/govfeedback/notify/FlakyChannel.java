package com.govfeedback.notify;

import java.util.ArrayList;
import java.util.List;

/** A channel under test: refuses the next {@code failures} sends (down for a while), then takes everything, keeping what it took. */
final class FlakyChannel implements Channel {
    final List<Outgoing> accepted = new ArrayList<>();
    int refused;
    private int failuresLeft;

    void downFor(int failures) {
        failuresLeft = failures;
    }

    void downForever() {
        failuresLeft = Integer.MAX_VALUE;
    }

    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public void send(Outgoing message) {
        if (failuresLeft > 0) {
            failuresLeft--;
            refused++;
            throw new ChannelException("down");
        }
        accepted.add(message);
    }

    long acceptedCount(String id) {
        return accepted.stream().filter(m -> m.id().equals(id)).count();
    }
}
