package dev.warden.adapter.db;

import dev.warden.application.port.out.HistoryRetention;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The retention deletes: one named statement per kind of history, each a bounded batch that
 * skips rows another instance holds (see warden-db-statements.yaml, "retention"); ended sessions go
 * a whole day (a partition of session_history, V15) at a time. Called outside a transaction, each
 * statement commits on its own connection at once.
 */
public final class DbClientHistoryRetention implements HistoryRetention {
    private static final System.Logger LOG = System.getLogger(DbClientHistoryRetention.class.getName());
    private static final String LOCK_NOT_AVAILABLE = "55P03";
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
    public int prepareEndedSessionDays(Instant from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        try {
            return db.executor().createNamedGet("retention-prepare-session-days")
                    .addParam("firstDay", first.toString())
                    .addParam("lastDay", first.plusDays(days - 1L).toString())
                    .execute()
                    .map(row -> Sql.integer(row, "created"))
                    .orElseThrow(() -> new IllegalStateException("retention-prepare-session-days returned no row"));
        } catch (RuntimeException e) {
            if (!lockNotAvailable(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "Session history: days ahead not created, session_history was busy; "
                    + "the next run tries again (ends meanwhile land in session_history_default)");
            return 0;
        }
    }

    @Override
    public OptionalInt dropOldestEndedSessionDay(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        try {
            // NULL: no day is due.
            return db.executor().createNamedGet("retention-drop-oldest-session-day")
                    .addParam("before", Sql.time(cutoff))
                    .execute()
                    .filter(row -> row.column("held").asOptional().isPresent())
                    .map(row -> OptionalInt.of(Math.toIntExact(Sql.number(row, "held"))))
                    .orElse(OptionalInt.empty());
        } catch (RuntimeException e) {
            if (!lockNotAvailable(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "Session history: a due day was not dropped, session_history was busy; "
                    + "the next run tries again");
            return OptionalInt.empty();
        }
    }

    /**
     * The functions' one-second lock timeout ran out (lock_not_available): a long transaction holds
     * session_history. Waiting longer would queue every end behind the DDL; the next run tries again.
     */
    private static boolean lockNotAvailable(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 32; depth++) {
            if (current instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    @Override
    public int deleteAuditEntriesBefore(Instant cutoff, int max) {
        return delete("retention-delete-audit-entries", cutoff, max);
    }

    @Override
    public int deleteResolvedAlarmsBefore(Instant cutoff, int max) {
        return delete("retention-delete-resolved-alarms", cutoff, max);
    }

    /**
     * Strings no open session uses, last handed out before yesterday (V16's seen_on): the statement
     * takes the UTC day of {@code now} minus a day as its bound.
     */
    @Override
    public int deleteUnusedUserAgents(Instant now, int max) {
        Objects.requireNonNull(now, "now");
        return delete("retention-forget-unused-user-agents", now.minus(Duration.ofDays(1)), max);
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
