package com.govfeedback.sla;

import java.time.Instant;

/**
 * One thing the sweep must do for an item, due at {@link #at()}. Its {@link #key()} is unique over the item's life,
 * so the storage layer can apply it exactly once (conditional write) and use it as the notification event id.
 */
public sealed interface TimerAction permits TimerAction.Warning, TimerAction.Breach, TimerAction.Escalation {

    /** Stable identity: {@code WARN_50:RESOLVE#0}, {@code BREACH:ACK#1}, {@code ESCALATE:2}. */
    String key();

    /** The timer point the action belongs to (not when the sweep got to it). */
    Instant at();

    /**
     * A share of a clock's window has run ({@code percent} of it): notify the assignee and the department.
     *
     * @param index the position of the warning point in {@link SlaPolicy#warningFractions()}
     */
    record Warning(ClockKind clock, int round, int index, int percent, Instant at) implements TimerAction {
        @Override
        public String key() {
            return "WARN_" + percent + ":" + clock.code() + "#" + round;
        }
    }

    /** A clock passed its due instant before it stopped: mark it breached and notify the assignee and department. */
    record Breach(ClockKind clock, int round, Instant at) implements TimerAction {
        @Override
        public String key() {
            return "BREACH:" + clock.code() + "#" + round;
        }
    }

    /**
     * The item goes one level up the escalation chain: set the level and notify whoever holds it
     * ({@code levelCode}, e.g. DEPARTMENT_HEAD). Levels only rise, so the key is unique without a round.
     */
    record Escalation(int level, String levelCode, Instant at) implements TimerAction {
        @Override
        public String key() {
            return "ESCALATE:" + level;
        }
    }
}
