package dev.warden.adapter.db;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.accounts.UsernameTaken;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Accounts in the {@code users} table; names compare in lower case. */
public final class DbClientUserAccounts implements UserAccounts {
    private final DbClientTransactionBoundary db;

    DbClientUserAccounts(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public Optional<Account> findById(UserId id) {
        return db.executor().createNamedGet("user-find-by-id")
                .addParam("id", id.value())
                .execute().map(DbClientUserAccounts::account);
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return db.executor().createNamedGet("user-find-by-username")
                .addParam("username", username)
                .execute().map(DbClientUserAccounts::account);
    }

    @Override
    public Optional<Account> lockById(UserId id) {
        return db.lockingExecutor("lockById").createNamedGet("user-lock-by-id")
                .addParam("id", id.value())
                .execute().map(DbClientUserAccounts::account);
    }

    @Override
    public void insert(Account account) {
        long inserted = columns(db.executor().createNamedInsert("user-insert"), account).execute();
        if (inserted == 0) {
            throw new UsernameTaken("The username " + account.username() + " is already taken.");
        }
    }

    @Override
    public void update(Account account) {
        db.write("user-update", Sql.params(
                "id", account.id().value(),
                "username", account.username(),
                "passwordHash", account.passwordHash(),
                "role", account.role().name(),
                "status", account.status().name(),
                "failedAttempts", account.failedAttempts(),
                "lockedUntil", Sql.time(account.lockedUntil())));
    }

    @Override
    public boolean ownerExists() {
        return db.executor().createNamedGet("user-owner-exists").execute()
                .map(row -> Sql.bool(row, "present")).orElse(false);
    }

    @Override
    public Page<UserSummary> list(UserQuery query, ActiveWindow window) {
        List<UserSummary> items;
        try (Stream<DbRow> rows = db.executor().createNamedQuery("user-list")
                .addParam("now", Sql.time(window.now()))
                .addParam("lastActiveAfter", Sql.time(window.lastActiveAfter()))
                .addParam("q", query.q())
                .addParam("limit", query.page().limit())
                .addParam("offset", query.page().offset())
                .execute()) {
            items = rows.map(DbClientUserAccounts::summary).toList();
        }
        long total = db.executor().createNamedGet("user-count")
                .addParam("q", query.q())
                .execute().map(row -> Sql.number(row, "n")).orElse(0L);
        return new Page<>(items, total, query.page().limit(), query.page().offset(), null);
    }

    private static <D extends DbStatement<D>> D columns(D statement, Account account) {
        return statement
                .addParam("id", account.id().value())
                .addParam("username", account.username())
                .addParam("passwordHash", account.passwordHash())
                .addParam("role", account.role().name())
                .addParam("status", account.status().name())
                .addParam("failedAttempts", account.failedAttempts())
                .addParam("lockedUntil", Sql.time(account.lockedUntil()))
                .addParam("createdAt", Sql.time(account.createdAt()));
    }

    /** An account from a row of the users table's columns (also DbClientLoginRecords' sighting). */
    static Account account(DbRow row) {
        return new Account(
                new UserId(Sql.uuid(row, "id")),
                Sql.string(row, "username"),
                Sql.string(row, "password_hash"),
                Role.valueOf(Sql.string(row, "role")),
                AccountStatus.valueOf(Sql.string(row, "status")),
                Sql.integer(row, "failed_attempts"),
                Sql.instant(row, "locked_until"),
                Sql.instant(row, "created_at"));
    }

    private static UserSummary summary(DbRow row) {
        return new UserSummary(
                new UserId(Sql.uuid(row, "id")),
                Sql.string(row, "username"),
                Role.valueOf(Sql.string(row, "role")),
                AccountStatus.valueOf(Sql.string(row, "status")),
                Sql.instant(row, "created_at"),
                Sql.integer(row, "active_sessions"),
                Sql.integer(row, "distinct_ips"),
                Sql.instant(row, "locked_until"));
    }
}
