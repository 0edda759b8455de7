package dev.warden.application.service.operations;

import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.service.Now;
import dev.warden.domain.RetentionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes history past its retention in batches of at most {@link #DEFAULT_BATCH_SIZE} rows, each
 * batch its own short statement, so a large backlog never holds locks for long. It keeps deleting
 * a kind while full batches come back; a short batch means nothing due is left that another
 * instance is not already deleting. The cut-offs are fixed at the start, so a purge always ends.
 */
public final class PurgeExpiredHistoryService implements PurgeExpiredHistoryUseCase {
    public static final int DEFAULT_BATCH_SIZE = 1_000;

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
                drain(retention::deleteEndedSessionsBefore, policy.endedSessionsCutoff(now)),
                drain(retention::deleteAuditEntriesBefore, policy.auditCutoff(now)),
                drain(retention::deleteResolvedAlarmsBefore, policy.auditCutoff(now)));
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
