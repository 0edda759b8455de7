package dev.warden.adapter.db;

import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.RiskChange;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Shared Signals fan-out's side of the outbox (V13): rows whose {@code ssf_fanned_out_at} is
 * still NULL, claimed with {@code FOR UPDATE SKIP LOCKED} in the caller's transaction, marked in it;
 * and the risk changes waiting in {@code ssf_risk_changes}, claimed alike and deleted when queued.
 */
public final class DbClientSsfFanOutQueue implements SsfFanOutQueue {
    private final DbClientTransactionBoundary db;

    DbClientSsfFanOutQueue(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public List<OutboxEvent> claimNotFannedOut(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        try (Stream<DbRow> rows = db.executor().createNamedQuery("outbox-claim-not-fanned-out")
                .addParam("max", max)
                .execute()) {
            return rows.map(DbClientOutboxQueue::event).toList();
        }
    }

    @Override
    public void markFannedOut(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        db.executor().createNamedUpdate("outbox-mark-fanned-out")
                .addParam("eventIds", eventIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .execute();
    }

    @Override
    public void appendRiskChange(RiskChange change) {
        db.executor().createNamedInsert("ssf-risk-change-append")
                .addParam("eventId", change.eventId())
                .addParam("userId", change.userId().value())
                .addParam("raised", change.raised())
                .addParam("at", Sql.time(change.at()))
                .execute();
    }

    @Override
    public List<RiskChange> claimRiskChanges(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        try (Stream<DbRow> rows = db.executor().createNamedQuery("ssf-risk-change-claim")
                .addParam("max", max)
                .execute()) {
            return rows.map(row -> new RiskChange(Sql.uuid(row, "event_id"), new UserId(Sql.uuid(row, "user_id")),
                    Sql.bool(row, "raised"), Sql.instant(row, "at"))).toList();
        }
    }

    @Override
    public void removeRiskChanges(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        db.executor().createNamedDelete("ssf-risk-change-remove")
                .addParam("eventIds", eventIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .execute();
    }
}
