package dev.warden.events;

import java.util.List;

/**
 * The topics of the contract, and how many partitions Warden gives one it creates. Every record on
 * them is keyed by user id, so one user's events share a partition and keep their order.
 */
public final class EventTopics {
    /** Every session created, terminated or expired; produced by the service through its outbox. */
    public static final String SESSION_EVENTS = "warden.session-events";
    /** Every session end, forwarded by the alarm topology for other services. */
    public static final String SESSION_TERMINATED = "warden.session-terminated";
    /** IP-spread alarms raised and resolved by the alarm topology. */
    public static final String SESSION_ALARMS = "warden.session-alarms";
    /** Accounts created, disabled, enabled, re-roled, locked, unlocked, given a new password; through the outbox. */
    public static final String ACCOUNT_EVENTS = "warden.account-events";
    public static final List<String> ALL = List.of(SESSION_EVENTS, SESSION_TERMINATED, SESSION_ALARMS, ACCOUNT_EVENTS);

    /**
     * Partitions of a topic Warden creates, whichever process (the service or the standalone alarm
     * topology) gets there first; a topic that already exists keeps its own. Fixed rather than the
     * broker's default, because the alarm topology's parallelism and its state are tied to the count
     * of {@link #SESSION_EVENTS}, which must not depend on start-up order (docs/scaling.md).
     */
    public static final int PARTITIONS = 3;

    private EventTopics() {
    }
}
