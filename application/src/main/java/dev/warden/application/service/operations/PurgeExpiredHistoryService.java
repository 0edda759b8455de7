package dev.warden.application.service.operations;

import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.service.Now;
import dev.warden.domain.RetentionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Deletes history past its retention in batches of at most {@link #DEFAULT_BATCH_SIZE} rows, each
 * batch its own short statement, so a large backlog never holds locks for long. It keeps deleting
 * a kind while full batches come back; a short batch means nothing due is left that another
 * instance is not already deleting. The cut-offs are fixed at the start, so a purge always ends.
 */
public final class PurgeExpiredHistoryService implements PurgeExpiredHistoryUseCase {
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /**
     * Days of session history prepared from today on (today and the next seven), so ends keep landing in their own
     * day even when the job has not run for several days.
     */
    static final int DAYS_PREPARED_AHEAD = 8;

    /** One kind of history: deletes a batch before the cut-off. */
    private interface BatchDelete {
        int delete(Instant cutoff, int max);
    }

    private final HistoryRetention retention;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final int batchSize;

    public PurgeExpiredHistoryService(HistoryRetention retention, RetentionPolicy policy, Clock clock) {
        this(retention, policy, clock, DEFAULT_BATCH_SIZE);
    }

    public PurgeExpiredHistoryService(HistoryRetention retention, RetentionPolicy policy, Clock clock, int batchSize) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public Purged purgeOnce() {
        Instant now = Now.of(clock);
        return new Purged(
                drain(retention::deletePublishedEventsBefore, policy.publishedEventsCutoff(now)),
                endedSessions(now),
                drain(retention::deleteAuditEntriesBefore, policy.auditCutoff(now)),
                drain(retention::deleteResolvedAlarmsBefore, policy.auditCutoff(now)),
                drain(retention::deleteUnusedUserAgents, now));
    }

    /**
     * Ended sessions go a whole day at a time (each day of history is its own partition), after the
     * days ahead are made ready; then, in batches, the few that ended outside any day.
     */
    private int endedSessions(Instant now) {
        Instant cutoff = policy.endedSessionsCutoff(now);
        retention.prepareEndedSessionDays(now, DAYS_PREPARED_AHEAD);
        int total = 0;
        for (OptionalInt day = retention.dropOldestEndedSessionDay(cutoff); day.isPresent();
             day = retention.dropOldestEndedSessionDay(cutoff)) {
            total += day.getAsInt();
        }
        return total + drain(retention::deleteEndedSessionsBefore, cutoff);
    }

    private int drain(BatchDelete kind, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = kind.delete(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
