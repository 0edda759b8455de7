package dev.warden.adapter.db;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.LoginRecords;
import dev.warden.domain.Account;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.Role;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A login's reads in one round trip each: {@code login-sight} (one statement in auto-commit) and,
 * in the caller's transaction, {@code user-lock-by-id} followed by {@code login-read-under-lock} in
 * one message on the transaction's connection (plain JDBC: DbClient runs one statement per trip).
 */
public final class DbClientLoginRecords implements LoginRecords {
    private final DbClientTransactionBoundary db;
    private final PositionalSql lockAccount;
    private final PositionalSql readUnderLock;

    DbClientLoginRecords(DbClientTransactionBoundary db, DbStatements statements) {
        this.db = db;
        this.lockAccount = PositionalSql.of(statements.statement("user-lock-by-id"));
        this.readUnderLock = PositionalSql.of(statements.statement("login-read-under-lock"));
    }

    @Override
    public Sighting sight(String username, TokenHash presented, ThrottleCount count) {
        DbRow row = db.executor().createNamedGet("login-sight")
                .addParam("username", username)
                .addParam("tokenHash", presented == null ? null : presented.value())
                .addParam("client", count.client())
                .addParam("windowStart", Sql.time(count.windowStart()))
                .addParam("limit", count.limit())
                .execute().orElseThrow(() -> new IllegalStateException("login-sight returned no row"));
        if (Sql.uuid(row, "id") == null) {
            return new Sighting(Optional.empty(), Optional.empty(),
                    Sql.bool(row, "counted") ? Admission.COUNTED : Admission.FULL);
        }
        Account account = DbClientUserAccounts.account(row);
        if (Sql.string(row, "device_token_hash") == null) {
            return new Sighting(Optional.of(account), Optional.empty(),
                    Sql.bool(row, "counted") ? Admission.COUNTED : Admission.FULL);
        }
        KnownDevice device = new KnownDevice(account.id(),
                new TokenHash(Sql.string(row, "device_token_hash")),
                Sql.integer(row, "device_failed_attempts"),
                Sql.instant(row, "device_locked_until"),
                Sql.instant(row, "device_first_seen_at"),
                Sql.instant(row, "device_last_used_at"));
        return new Sighting(Optional.of(account), Optional.of(device), Admission.NOT_COUNTED);
    }

    @Override
    public Optional<Locked> lock(UserId id, TokenHash deviceHash, ActiveWindow window) {
        Connection connection = db.lockingConnection("lock");
        try (PreparedStatement statement = connection.prepareStatement(lockAccount.sql() + ";\n" + readUnderLock.sql())) {
            int next = lockAccount.bindFrom(statement, 1, Sql.params("id", id.value()));
            readUnderLock.bindFrom(statement, next, Sql.params(
                    "userId", id.value(),
                    "tokenHash", deviceHash == null ? null : deviceHash.value(),
                    "now", Sql.time(window.now()),
                    "lastActiveAfter", Sql.time(window.lastActiveAfter())));
            statement.execute();
            Account account;
            try (ResultSet rows = statement.getResultSet()) {
                account = rows.next() ? account(rows) : null;
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                rows.next();
                if (account == null) {
                    return Optional.empty();
                }
                KnownDevice device = rows.getString("token_hash") == null ? null : new KnownDevice(account.id(),
                        new TokenHash(rows.getString("token_hash")),
                        rows.getInt("failed_attempts"),
                        instant(rows, "locked_until"),
                        instant(rows, "first_seen_at"),
                        instant(rows, "last_used_at"));
                return Optional.of(new Locked(account, device, rows.getInt("active_sessions")));
            }
        } catch (SQLException e) {
            throw new DbClientException("Locking the account for a login failed: " + e.getMessage(), e);
        }
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(
                new UserId(row.getObject("id", UUID.class)),
                row.getString("username"),
                row.getString("password_hash"),
                Role.valueOf(row.getString("role")),
                AccountStatus.valueOf(row.getString("status")),
                row.getInt("failed_attempts"),
                instant(row, "locked_until"),
                instant(row, "created_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
