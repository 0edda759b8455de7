package dev.warden.adapter.db;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.OperationalCounts;
import java.util.Optional;

/** The operational figures in one statement of four index reads ({@code ops-figures}). */
final class JdbcOperationalCounts implements OperationalCounts {
    private final JdbcTransactionBoundary db;

    JdbcOperationalCounts(JdbcTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public Counts read(ActiveWindow window) {
        return db.executor().createNamedGet("ops-figures")
                .addParam("now", Sql.time(window.now()))
                .addParam("lastActiveAfter", Sql.time(window.lastActiveAfter()))
                .execute()
                .map(row -> new Counts(
                        Sql.number(row, "active_sessions"),
                        Sql.number(row, "outbox_pending"),
                        Optional.ofNullable(Sql.instant(row, "oldest_pending")),
                        Sql.number(row, "open_alarms")))
                .orElseThrow(() -> new IllegalStateException("ops-figures returned no row"));
    }
}
