package dev.warden.application.port.out;

import java.time.Instant;

/**
 * Deletes history past its retention, a bounded batch per call. Each call is one short statement
 * committed on its own (never inside a {@link TransactionBoundary}), so it holds its row locks only
 * for that batch. Rows another instance is deleting at the same moment are skipped, not waited
 * for, so several instances may purge at once and each row is deleted exactly once.
 */
public interface HistoryRetention {
    /**
     * Outbox rows published before {@code cutoff}; a row not yet published is never deleted, nor,
     * while any Shared Signals stream exists, one the fan-out has not passed ({@link SsfFanOutQueue}).
     *
     * @return how many were deleted, at most {@code max}
     */
    int deletePublishedEventsBefore(Instant cutoff, int max);

    /** Sessions that ended before {@code cutoff}; open sessions are never deleted. */
    int deleteEndedSessionsBefore(Instant cutoff, int max);

    /** Audit entries that occurred before {@code cutoff}. */
    int deleteAuditEntriesBefore(Instant cutoff, int max);

    /** Alarms resolved before {@code cutoff}; open alarms are never deleted. */
    int deleteResolvedAlarmsBefore(Instant cutoff, int max);
}
