package com.govfeedback.feedback.sweep;

import static com.govfeedback.feedback.sweep.SweepFixtures.at;
import static com.govfeedback.feedback.sweep.SweepFixtures.outboxKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;

/** Two sweeps over the same due items at the same moment: every warning, breach and escalation happens once. */
class ConcurrentSweepTest {
    private static final Instant SUBMITTED = at("2026-03-02T10:00");
    /** A day late, each item owes nine actions: four warnings, two breaches, three escalations (docs/sla.md). */
    private static final Instant NOW = at("2026-03-03T12:00");
    private static final int ITEMS = 40;

    private SweepFixtures store;

    @BeforeEach
    void freshTable() {
        store = SweepFixtures.freshTable();
    }

    @Test
    void twoSweepsRacingOverTheSameItemsApplyAndNotifyEachActionOnce() throws Exception {
        List<Feedback> items = seed(ITEMS, null);
        List<SweepReport> runs = store.racingSweeps(NOW);
        SweepReport a = runs.get(0);
        SweepReport b = runs.get(1);

        assertThat(a.warned() + b.warned()).isEqualTo(4 * ITEMS);
        assertThat(a.breached() + b.breached()).isEqualTo(2 * ITEMS);
        assertThat(a.escalated() + b.escalated()).isEqualTo(3 * ITEMS);
        assertEveryActionNotifiedOnce(items);
    }

    /**
     * The race made certain: the second sweep runs to the end between the first one's read of a page and its writes, so
     * every write of the first is on a stale version.
     */
    @Test
    void aSweepWhoseReadWasOvertakenWritesNothingAndLeavesNoDuplicate() {
        int shard = DueSweep.firstShard(NOW);
        List<Feedback> items = seed(ITEMS, shard);
        AtomicBoolean overtaken = new AtomicBoolean();
        AtomicBoolean queried = new AtomicBoolean();
        SweepReport[] other = new SweepReport[1];

        SweepReport stale = store.sweep().run(NOW, () -> {
            // first call: before the query; second: before the first item, after the page was read
            if (queried.getAndSet(true) && !overtaken.getAndSet(true)) {
                other[0] = CompletableFuture.supplyAsync(() -> store.sweep().run(NOW, () -> true, false)).join();
            }
            return true;
        }, false);

        assertThat(stale.conflicts()).isEqualTo(ITEMS);
        assertThat(List.of(stale.warned(), stale.breached(), stale.escalated())).containsExactly(0, 0, 0);
        // the other sweep did the work: a conflict is not an overdue item left unhandled
        assertThat(stale.overdueUnhandled()).isZero();
        assertThat(List.of(other[0].warned(), other[0].breached(), other[0].escalated())).containsExactly(4 * ITEMS, 2 * ITEMS, 3 * ITEMS);
        assertEveryActionNotifiedOnce(items);
    }

    private List<Feedback> seed(int count, Integer shard) {
        List<Feedback> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(shard == null ? store.submitted(SUBMITTED) : store.submitted(SUBMITTED, SweepFixtures.idInShard(shard, SUBMITTED)));
        }
        return items;
    }

    private void assertEveryActionNotifiedOnce(List<Feedback> items) {
        for (Feedback item : items) {
            Feedback stored = store.stored(item.id());
            List<String> keys = outboxKeys(stored);
            assertThat(keys).hasSize(9).doesNotHaveDuplicates();
            assertThat(keys).filteredOn(key -> key.startsWith("ESCALATE")).hasSize(3);
            assertThat(stored.sla().escalationLevel()).isEqualTo(3);
            assertThat(stored.version()).isEqualTo(2);
        }
    }
}
