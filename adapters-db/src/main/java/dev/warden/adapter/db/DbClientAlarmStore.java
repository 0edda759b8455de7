package dev.warden.adapter.db;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** One {@code alarms} row per alarm id; the SQL makes every event idempotent. */
public final class DbClientAlarmStore implements AlarmStore {
    private final DbClientTransactionBoundary db;

    DbClientAlarmStore(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public boolean apply(AlarmEvent event) {
        String statement = event.kind() == AlarmEvent.Kind.RAISED ? "alarm-raise" : "alarm-resolve";
        return db.executor().createNamedInsert(statement)
                .addParam("id", event.alarmId())
                .addParam("userId", event.userId().value())
                .addParam("username", event.username())
                .addParam("distinctIps", event.distinctIps())
                .addParam("ipAddresses", String.join(",", event.ipAddresses()))
                .addParam("at", Sql.time(event.at()))
                .execute() > 0;
    }

    @Override
    public Page<Alarm> list(AlarmQuery query) {
        String status = query.status() == null ? null : query.status().name();
        List<Alarm> items;
        try (Stream<DbRow> rows = db.executor().createNamedQuery("alarm-list")
                .addParam("status", status)
                .addParam("limit", query.page().limit())
                .addParam("offset", query.page().offset())
                .execute()) {
            items = rows.map(DbClientAlarmStore::alarm).toList();
        }
        long total = db.executor().createNamedGet("alarm-count")
                .addParam("status", status)
                .execute().map(row -> Sql.number(row, "n")).orElse(0L);
        return new Page<>(items, total, query.page().limit(), query.page().offset(), null);
    }

    @Override
    public Optional<Alarm> acknowledge(UUID alarmId, Instant at, String acknowledgedBy) {
        return db.executor().createNamedGet("alarm-acknowledge")
                .addParam("id", alarmId)
                .addParam("at", Sql.time(at))
                .addParam("by", acknowledgedBy)
                .execute()
                .map(DbClientAlarmStore::alarm);
    }

    private static List<String> ipAddresses(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static Alarm alarm(DbRow row) {
        return new Alarm(
                Sql.uuid(row, "id"),
                new UserId(Sql.uuid(row, "user_id")),
                Sql.string(row, "username"),
                Sql.integer(row, "distinct_ips"),
                ipAddresses(Sql.string(row, "ip_addresses")),
                Alarm.Status.valueOf(Sql.string(row, "status")),
                Sql.instant(row, "raised_at"),
                Sql.instant(row, "resolved_at"),
                Sql.instant(row, "acknowledged_at"),
                Sql.string(row, "acknowledged_by"));
    }
}
