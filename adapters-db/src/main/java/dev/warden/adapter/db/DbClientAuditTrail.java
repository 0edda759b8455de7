package dev.warden.adapter.db;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The append-only {@code audit_entries} table, listed newest first (of one instant, the later written first). */
public final class DbClientAuditTrail implements AuditTrail {
    private final DbClientTransactionBoundary db;

    DbClientAuditTrail(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry) {
        db.write("audit-insert", Sql.params(
                "id", entry.id(),
                "type", entry.type().name(),
                "occurredAt", Sql.time(entry.occurredAt()),
                "userId", entry.userId() == null ? null : entry.userId().value(),
                "username", entry.username(),
                "actorId", entry.actorId() == null ? null : entry.actorId().value(),
                "actorUsername", entry.actorUsername(),
                "sessionId", entry.sessionId() == null ? null : entry.sessionId().value(),
                "ipAddress", entry.ipAddress(),
                "userAgent", entry.userAgent(),
                "reason", entry.reason()));
    }

    /**
     * One statement per filter shape (warden-db-statements.yaml, "the Auth Audit page"), driven by
     * the most selective filter given: a user, a name, an address, some types, or none.
     */
    @Override
    public Page<AuditEntry> list(AuditQuery query) {
        String shape;
        if (query.userId() != null) {
            shape = "of-user";
        } else if (query.username() != null) {
            shape = "named";
        } else if (query.ipAddress() != null) {
            shape = "from-ip";
        } else if (!query.types().isEmpty()) {
            shape = "of-types";
        } else {
            shape = "all";
        }
        Bound before = before(query);
        int limit = query.page().limit();
        int offset = query.page().offset();
        List<AuditEntry> items;
        try (Stream<DbRow> rows = filters(db.executor().createNamedQuery("audit-page-" + shape), query)
                .addParam("beforeAt", before == null ? null : Sql.time(before.at()))
                .addParam("beforeSeq", before == null ? 0L : before.seq())
                .addParam("limit", limit)
                .addParam("offset", offset)
                // In the per-type walk, each type's share of the page can be all of it (and what the offset skips).
                .addParam("perType", (long) limit + offset)
                .execute()) {
            items = rows.map(DbClientAuditTrail::entry).toList();
        }
        String next = items.size() == limit ? new PageCursor(items.getLast().occurredAt(), items.getLast().id()).encode() : null;
        if (!query.page().counted()) {
            return Page.uncounted(items, limit, offset, next);
        }
        long counted = filters(db.executor().createNamedGet("audit-count-" + shape), query)
                .addParam("to", Sql.time(query.to()))
                .addParam("cap", AuditQuery.TOTAL_CAP + 1)
                .execute().map(row -> Sql.number(row, "n")).orElse(0L);
        return Page.countedUpTo(AuditQuery.TOTAL_CAP, counted, items, limit, offset, next);
    }

    private static <D extends DbStatement<D>> D filters(D statement, AuditQuery query) {
        return statement
                .addParam("userId", query.userId() == null ? null : query.userId().value())
                .addParam("username", query.username())
                .addParam("ipAddress", query.ipAddress())
                .addParam("types", query.types().isEmpty() ? null
                        : query.types().stream().map(Enum::name).collect(Collectors.joining(",", "{", "}")))
                .addParam("from", Sql.time(query.from()));
    }

    /**
     * Where the page ends, exclusive, in (occurred_at, seq) order: the cursor's entry or {@code to},
     * whichever comes first; null when neither is given. A cursor whose entry is gone (retention
     * deleted it) ends the page before its instant.
     */
    private Bound before(AuditQuery query) {
        Bound bound = query.to() == null ? null : new Bound(query.to(), 0);
        if (query.cursor() != null) {
            long seq = db.executor().createNamedGet("audit-seq-of").addParam("id", query.cursor().id())
                    .execute().map(row -> Sql.number(row, "seq")).orElse(0L);
            Bound cursor = new Bound(query.cursor().at(), seq);
            if (bound == null || cursor.isBefore(bound)) {
                bound = cursor;
            }
        }
        return bound;
    }

    /** A position in (occurred_at, seq) order; seq 0 stands before every entry of its instant. */
    private record Bound(Instant at, long seq) {
        boolean isBefore(Bound other) {
            return at.isBefore(other.at) || at.equals(other.at) && seq < other.seq;
        }
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
