package dev.warden.application.port.out;

import dev.warden.domain.OutboxEvent;
import dev.warden.domain.RiskChange;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The Shared Signals fan-out's view of the outbox: committed events not yet turned into queued
 * SETs, oldest first. Each event carries its own "fanned out" mark (not one position for all, since
 * outbox positions are taken at insert, not at commit, and a cursor would pass an event whose
 * transaction commits late). Retention never deletes an event before it is marked, unless no stream
 * exists to want it.
 *
 * <p>Risk changes (IP-spread alarms raised and resolved) come back from Kafka rather than through the
 * outbox, so they wait here in a list of their own, written with the alarm's change.
 */
public interface SsfFanOutQueue {
    /**
     * Within a {@link TransactionBoundary} transaction: up to {@code max} of the oldest events not yet
     * fanned out, held until that transaction ends. Events another transaction holds are skipped,
     * so several instances fan out at once without taking the same event twice.
     */
    List<OutboxEvent> claimNotFannedOut(int max);

    /** Marks these events fanned out, in the transaction that queued their SETs; unknown ids are ignored. */
    void markFannedOut(Collection<UUID> eventIds);

    /**
     * Keeps a risk change for the fan-out, in the caller's transaction (the one recording the alarm).
     * It may be dropped at once when no stream exists to want it. The same event again, while it
     * waits, is kept once.
     */
    void appendRiskChange(RiskChange change);

    /** As {@link #claimNotFannedOut}, for risk changes: the oldest, held until the transaction ends. */
    List<RiskChange> claimRiskChanges(int max);

    /** Forgets these risk changes, in the transaction that queued their SETs. */
    void removeRiskChanges(Collection<UUID> eventIds);
}
