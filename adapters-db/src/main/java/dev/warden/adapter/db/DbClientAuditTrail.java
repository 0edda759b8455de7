package dev.warden.adapter.db;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The append-only {@code audit_entries} table, listed newest first. */
public final class DbClientAuditTrail implements AuditTrail {
    private final DbClientTransactionBoundary db;

    DbClientAuditTrail(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry) {
        db.executor().createNamedInsert("audit-insert")
                .addParam("id", entry.id())
                .addParam("type", entry.type().name())
                .addParam("occurredAt", Sql.time(entry.occurredAt()))
                .addParam("userId", entry.userId() == null ? null : entry.userId().value())
                .addParam("username", entry.username())
                .addParam("actorId", entry.actorId() == null ? null : entry.actorId().value())
                .addParam("actorUsername", entry.actorUsername())
                .addParam("sessionId", entry.sessionId() == null ? null : entry.sessionId().value())
                .addParam("ipAddress", entry.ipAddress())
                .addParam("userAgent", entry.userAgent())
                .addParam("reason", entry.reason())
                .execute();
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query) {
        UUID userId = query.userId() == null ? null : query.userId().value();
        String type = query.type() == null ? null : query.type().name();
        List<AuditEntry> items;
        try (Stream<DbRow> rows = db.executor().createNamedQuery("audit-list")
                .addParam("userId", userId)
                .addParam("type", type)
                .addParam("limit", query.page().limit())
                .addParam("offset", query.page().offset())
                .execute()) {
            items = rows.map(DbClientAuditTrail::entry).toList();
        }
        long total = db.executor().createNamedGet("audit-count")
                .addParam("userId", userId)
                .addParam("type", type)
                .execute().map(row -> Sql.number(row, "n")).orElse(0L);
        return new Page<>(items, total, query.page().limit(), query.page().offset(), null);
    }

    private static AuditEntry entry(DbRow row) {
        UUID userId = Sql.uuid(row, "user_id");
        UUID actorId = Sql.uuid(row, "actor_id");
        UUID sessionId = Sql.uuid(row, "session_id");
        return new AuditEntry(
                Sql.uuid(row, "id"),
                AuditType.valueOf(Sql.string(row, "type")),
                Sql.instant(row, "occurred_at"),
                userId == null ? null : new UserId(userId),
                Sql.string(row, "username"),
                actorId == null ? null : new UserId(actorId),
                Sql.string(row, "actor_username"),
                sessionId == null ? null : new SessionId(sessionId),
                Sql.string(row, "ip_address"),
                Sql.string(row, "user_agent"),
                Sql.string(row, "reason"));
    }
}
