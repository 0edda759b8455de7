package dev.warden.adapter.db;

import dev.warden.application.port.out.SsfPushSchedule;
import dev.warden.domain.SsfStreamId;
import java.time.Instant;
import java.util.Optional;

/**
 * The push schedule in {@code ssf_streams}' push columns (V14). A claim is one UPDATE over a
 * {@code FOR UPDATE SKIP LOCKED} pick, so two instances never lease the same stream, and no
 * transaction stays open while the holder pushes.
 */
final class DbClientSsfPushSchedule implements SsfPushSchedule {
    private final DbClientTransactionBoundary db;

    DbClientSsfPushSchedule(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public Optional<Claim> claimDue(String holder, Instant now, Instant leaseUntil) {
        return db.executor().createNamedGet("push-claim-due")
                .addParam("holder", holder)
                .addParam("leaseUntil", Sql.time(leaseUntil))
                .addParam("now", Sql.time(now))
                .execute()
                .map(row -> new Claim(new SsfStreamId(Sql.uuid(row, "id")), Sql.integer(row, "push_failures")));
    }

    @Override
    public boolean release(SsfStreamId stream, String holder, Instant nextAttemptAt, int failures) {
        return db.executor().createNamedUpdate("push-release")
                .addParam("id", stream.value())
                .addParam("holder", holder)
                .addParam("nextAttemptAt", Sql.time(nextAttemptAt))
                .addParam("failures", failures)
                .execute() > 0;
    }

    @Override
    public long trimPausedQueues(Instant queuedBefore, long keepAtMost) {
        return db.executor().createNamedDelete("push-trim-paused")
                .addParam("before", Sql.time(queuedBefore))
                .addParam("keep", keepAtMost)
                .execute();
    }

    @Override
    public long pendingTotal() {
        return db.executor().createNamedGet("push-pending-total").execute()
                .map(row -> Sql.number(row, "pending")).orElse(0L);
    }
}
