package dev.warden.adapter.db;

import dev.warden.application.port.out.KnownDevices;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.Optional;

/** Known devices in the {@code known_devices} table, keyed by user and token hash. */
public final class DbClientKnownDevices implements KnownDevices {
    private final DbClientTransactionBoundary db;

    DbClientKnownDevices(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public Optional<KnownDevice> find(UserId userId, TokenHash tokenHash) {
        return db.executor().createNamedGet("device-find")
                .addParam("userId", userId.value())
                .addParam("tokenHash", tokenHash.value())
                .execute().map(DbClientKnownDevices::device);
    }

    @Override
    public void save(KnownDevice device) {
        db.write("device-save", Sql.params(
                "userId", device.userId().value(),
                "tokenHash", device.tokenHash().value(),
                "failedAttempts", device.failedAttempts(),
                "lockedUntil", Sql.time(device.lockedUntil()),
                "firstSeenAt", Sql.time(device.firstSeenAt()),
                "lastUsedAt", Sql.time(device.lastUsedAt())));
    }

    @Override
    public int keepMostRecentlyUsed(UserId userId, int keep) {
        if (db.writesAtCommit()) {
            db.write("device-keep-most-recently-used", Sql.params("userId", userId.value(), "keep", keep));
            return KnownDevices.NOT_YET_KNOWN;
        }
        return (int) db.executor().createNamedDelete("device-keep-most-recently-used")
                .addParam("userId", userId.value())
                .addParam("keep", keep)
                .execute();
    }

    @Override
    public void forgetAll(UserId userId) {
        db.executor().createNamedDelete("device-forget-all")
                .addParam("userId", userId.value())
                .execute();
    }

    @Override
    public void forgetAllExcept(UserId userId, TokenHash keep) {
        db.executor().createNamedDelete("device-forget-all-except")
                .addParam("userId", userId.value())
                .addParam("keep", keep.value())
                .execute();
    }

    @Override
    public void unlockAll(UserId userId) {
        db.executor().createNamedUpdate("device-unlock-all")
                .addParam("userId", userId.value())
                .execute();
    }

    @Override
    public int forgetUnusedSince(Instant before) {
        return (int) db.executor().createNamedDelete("device-forget-unused")
                .addParam("before", Sql.time(before))
                .execute();
    }

    private static KnownDevice device(DbRow row) {
        return new KnownDevice(
                new UserId(Sql.uuid(row, "user_id")),
                new TokenHash(Sql.string(row, "token_hash")),
                Sql.integer(row, "failed_attempts"),
                Sql.instant(row, "locked_until"),
                Sql.instant(row, "first_seen_at"),
                Sql.instant(row, "last_used_at"));
    }
}
