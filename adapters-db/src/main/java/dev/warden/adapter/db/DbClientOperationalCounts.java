package dev.warden.adapter.db;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.OperationalCounts;
import java.util.Optional;

/** The operational figures, each one statement of index reads (the {@code ops-*} statements). */
final class DbClientOperationalCounts implements OperationalCounts {
    private final DbClientTransactionBoundary db;

    DbClientOperationalCounts(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public OutboxBacklog outboxBacklog() {
        return db.executor().createNamedGet("ops-outbox-backlog").execute()
                .map(row -> new OutboxBacklog(Sql.number(row, "pending"),
                        Optional.ofNullable(Sql.instant(row, "oldest_pending"))))
                .orElseThrow(() -> new IllegalStateException("ops-outbox-backlog returned no row"));
    }

    @Override
    public long countOpenAlarms() {
        return count(db.executor().createNamedGet("ops-count-open-alarms").execute());
    }

    /** Counts every active session: in one process, not with parallel workers (ops-count-in-one-process). */
    @Override
    public long countActiveSessions(ActiveWindow window) {
        return db.inTransaction(() -> {
            db.executor().createNamedDmlStatement("ops-count-in-one-process").execute();
            return count(db.executor().createNamedGet("ops-count-active-sessions")
                    .addParam("lastActiveAfter", Sql.time(window.lastActiveAfter()))
                    .execute());
        });
    }

    private static long count(Optional<io.helidon.dbclient.DbRow> row) {
        return row.map(r -> Sql.number(r, "n")).orElse(0L);
    }
}
