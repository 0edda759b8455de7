package dev.warden.adapter.db;

import dev.warden.application.port.out.OutboxQueue;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.DeviceType;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.Role;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The relay's side of the outbox: pending rows by position, and LISTEN for new ones. Only the
 * instance holding the relay lease sees pending rows, so one relay publishes at a time.
 */
public final class DbClientOutboxQueue implements OutboxQueue {
    private final DbClientTransactionBoundary db;
    private final OutboxNotifications notifications;

    DbClientOutboxQueue(DbClientTransactionBoundary db, OutboxNotifications notifications) {
        this.db = db;
        this.notifications = notifications;
    }

    @Override
    public List<PendingEvent> oldestUnpublished(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (!notifications.holdsRelayLease()) {
            return List.of(); // another instance is the relay; publishing twice would reorder
        }
        try (Stream<DbRow> rows = db.executor().createNamedQuery("outbox-oldest-unpublished")
                .addParam("max", max)
                .execute()) {
            return rows.map(row -> new PendingEvent(Sql.number(row, "position"), event(row))).toList();
        }
    }

    @Override
    public void markPublished(List<Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        db.executor().createNamedUpdate("outbox-mark-published")
                .addParam("positions", positions.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .execute();
    }

    @Override
    public boolean awaitNewEvents(Duration timeout) throws InterruptedException {
        return notifications.await(timeout);
    }

    /** A row as written by DbClientEventOutbox; rows from before aggregate_type existed read 'session'. */
    static OutboxEvent event(DbRow row) {
        return "account".equals(Sql.string(row, "aggregate_type")) ? accountEvent(row) : sessionEvent(row);
    }

    private static AccountEvent accountEvent(DbRow row) {
        String actorId = Sql.string(row, "actor_id");
        String role = Sql.string(row, "role");
        return new AccountEvent(
                UUID.fromString(Sql.string(row, "event_id")),
                AccountEvent.Type.valueOf(Sql.string(row, "type")),
                instant(row, "occurred_at"),
                new UserId(UUID.fromString(Sql.string(row, "user_id"))),
                Sql.string(row, "username"),
                actorId == null ? null : new UserId(UUID.fromString(actorId)),
                role == null ? null : Role.valueOf(role));
    }

    private static SessionEvent sessionEvent(DbRow row) {
        String reason = Sql.string(row, "reason");
        String actorId = Sql.string(row, "actor_id");
        SessionEvent.Type type = SessionEvent.Type.valueOf(Sql.string(row, "type"));
        return new SessionEvent(
                UUID.fromString(Sql.string(row, "event_id")),
                type,
                instant(row, "occurred_at"),
                new SessionId(UUID.fromString(Sql.string(row, "session_id"))),
                new UserId(UUID.fromString(Sql.string(row, "user_id"))),
                Sql.string(row, "username"),
                Sql.string(row, "ip_address"),
                Sql.string(row, "user_agent"),
                type == SessionEvent.Type.CREATED ? client(row) : null,
                instant(row, "created_at"),
                instant(row, "expires_at"),
                reason == null ? null : TerminationReason.valueOf(reason),
                actorId == null ? null : new UserId(UUID.fromString(actorId)),
                instant(row, "ended_at"));
    }

    /**
     * The client parsed at login. A created event written before events carried it (pending across the
     * upgrade, or from an older instance during a rolling one) goes out with an unknown client.
     */
    private static ClientDescription client(DbRow row) {
        String deviceType = Sql.string(row, "client_device_type");
        if (deviceType == null) {
            return ClientDescription.UNKNOWN;
        }
        return new ClientDescription(Sql.string(row, "client_browser"), Sql.string(row, "client_browser_version"),
                Sql.string(row, "client_os"), Sql.string(row, "client_os_version"), DeviceType.valueOf(deviceType));
    }

    private static Instant instant(DbRow row, String column) {
        String text = Sql.string(row, column);
        return text == null ? null : Instant.parse(text);
    }
}
