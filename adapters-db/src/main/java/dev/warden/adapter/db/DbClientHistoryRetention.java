package dev.warden.adapter.db;

import dev.warden.application.port.out.HistoryRetention;
import java.time.Instant;
import java.util.Objects;

/**
 * The retention deletes: one named statement per kind of history, each a bounded batch that
 * skips rows another instance holds (see warden-db-statements.yaml, "retention"). Called outside
 * a transaction, each statement commits on its own connection at once.
 */
public final class DbClientHistoryRetention implements HistoryRetention {
    private final DbClientTransactionBoundary db;

    DbClientHistoryRetention(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public int deletePublishedEventsBefore(Instant cutoff, int max) {
        return delete("retention-delete-published-events", cutoff, max);
    }

    @Override
    public int deleteEndedSessionsBefore(Instant cutoff, int max) {
        return delete("retention-delete-ended-sessions", cutoff, max);
    }

    @Override
    public int deleteAuditEntriesBefore(Instant cutoff, int max) {
        return delete("retention-delete-audit-entries", cutoff, max);
    }

    @Override
    public int deleteResolvedAlarmsBefore(Instant cutoff, int max) {
        return delete("retention-delete-resolved-alarms", cutoff, max);
    }

    private int delete(String statement, Instant cutoff, int max) {
        Objects.requireNonNull(cutoff, "cutoff");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        long deleted = db.executor().createNamedDelete(statement)
                .addParam("before", Sql.time(cutoff))
                .addParam("max", max)
                .execute();
        return Math.toIntExact(deleted);
    }
}
