package dev.warden.application.port.out;

import java.time.Instant;
import java.util.OptionalInt;

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

    /**
     * Ended sessions before {@code cutoff} that lie outside the days of history (ends recorded
     * before their day was prepared, or older than the oldest day); open sessions are never deleted.
     * The days themselves go whole: {@link #dropOldestEndedSessionDay}.
     */
    int deleteEndedSessionsBefore(Instant cutoff, int max);

    /**
     * Makes sure ended-session history has a day of its own for every UTC day from {@code from}'s
     * for {@code days} days, so ends land there rather than among the rows deleted one by one.
     *
     * @return how many days it added (0 when all were there, or when the history was too busy to
     *     change within its lock timeout: the next call tries again)
     */
    int prepareEndedSessionDays(Instant from, int days);

    /**
     * Drops the oldest day of ended-session history if the whole day lies before {@code cutoff}. A
     * session is thus kept at least until the cut-off and at most one day longer.
     *
     * @return how many sessions the dropped day held; empty when no day is due, or when the history
     *     was too busy to drop one within its lock timeout (the next call tries again)
     */
    OptionalInt dropOldestEndedSessionDay(Instant cutoff);

    /** Audit entries that occurred before {@code cutoff}. */
    int deleteAuditEntriesBefore(Instant cutoff, int max);

    /** Alarms resolved before {@code cutoff}; open alarms are never deleted. */
    int deleteResolvedAlarmsBefore(Instant cutoff, int max);

    /**
     * User agent strings a store keeps once for all the sessions that share them: those no open
     * session uses any more, and none handed out to a session since the UTC day before {@code now}'s.
     * A store that keeps each session's string with the session has none.
     */
    int deleteUnusedUserAgents(Instant now, int max);
}
