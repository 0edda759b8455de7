package dev.warden.adapter.db;

import dev.warden.application.port.out.LoginThrottle;
import java.time.Instant;

/**
 * Throttle counts in the {@code login_throttle_windows} table, one row per client and window.
 * Each method is one statement in auto-commit (or the caller's transaction): the count is shared
 * by every instance, and the conditional upsert keeps the limit under parallel attempts.
 */
public final class DbClientLoginThrottle implements LoginThrottle {
    private final DbClientTransactionBoundary db;

    DbClientLoginThrottle(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public boolean tryCount(String client, Instant windowStart, int limit) {
        return db.executor().createNamedGet("throttle-try-count")
                .addParam("client", client)
                .addParam("windowStart", Sql.time(windowStart))
                .addParam("limit", limit)
                .execute().isPresent();
    }

    @Override
    public void uncount(String client, Instant windowStart) {
        db.write("throttle-uncount", Sql.params("client", client, "windowStart", Sql.time(windowStart)));
    }

    @Override
    public long countRefusal(String client, Instant windowStart) {
        // No row: the window was pruned in between; count this refusal as the first.
        return db.executor().createNamedGet("throttle-count-refusal")
                .addParam("client", client)
                .addParam("windowStart", Sql.time(windowStart))
                .execute().map(row -> Sql.number(row, "refused")).orElse(1L);
    }

    @Override
    public int deleteWindowsBefore(Instant windowStart) {
        return (int) db.executor().createNamedDelete("throttle-delete-before")
                .addParam("windowStart", Sql.time(windowStart))
                .execute();
    }
}
