package dev.warden.adapter.db;

import dev.warden.application.port.out.StoreUnavailable;
import dev.warden.application.port.out.TransactionBoundary;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One {@link DbTransaction} per {@link #inTransaction} call, kept in a thread-local so that every
 * store called inside it joins it. A nested call joins the outer transaction. The transaction
 * commits when the work returns and rolls back when it throws anything. Outside a transaction a
 * store's statement runs on its own connection in auto-commit: from the work pool, or, for the
 * validation hot path ({@link #validationExecutor()}), from the validation pool, so that validation
 * never queues behind logins and admin pages for a connection. {@link #afterCommit} actions wait in
 * the scope and run once its commit returned.
 *
 * <p>{@link #inTransactionWritingAtCommit}: the stores' blind writes ({@link #write}) wait in the
 * scope and go to PostgreSQL as one multi-statement message (one Sync) ending in COMMIT, so the
 * writes and the commit cost one round trip; a read through {@link #executor()} sends what waits
 * first (without the commit). pgjdbc's own commit afterwards finds the transaction ended and sends
 * nothing. When a held write fails, PostgreSQL skips the rest up to the Sync, COMMIT included,
 * and the transaction rolls back as usual.
 */
public final class DbClientTransactionBoundary implements TransactionBoundary, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DbClientTransactionBoundary.class.getName());

    private final DbClient client;
    private final DbClient validationClient;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();
    private final DataSource pool;
    private final DbStatements statements;
    private final Map<String, PositionalSql> positional = new ConcurrentHashMap<>();

    DbClientTransactionBoundary(DataSource pool, DataSource validationPool, DbStatements statements) {
        this.pool = pool;
        this.statements = statements;
        this.client = JdbcClientBuilder.create()
                .connectionPool(() -> connectionForWork(pool))
                .statements(statements)
                .build();
        this.validationClient = JdbcClientBuilder.create()
                .connectionPool(() -> connection(validationPool))
                .statements(statements)
                .build();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, false);
    }

    @Override
    public <T> T inTransactionWritingAtCommit(Supplier<T> work) {
        return run(work, true);
    }

    private <T> T run(Supplier<T> work, boolean writingAtCommit) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        Scope scope = new Scope(client, writingAtCommit);
        current.set(scope);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            scope.rollback(e);
            throw e;
        } finally {
            current.remove();
        }
        try {
            commit(scope);
        } catch (RuntimeException | Error e) {
            scope.rollback(e);
            throw e;
        }
        scope.runAfterCommit();
        return result;
    }

    /**
     * An insert, update or delete by name whose result nobody reads: held back for the commit in a
     * transaction {@link #inTransactionWritingAtCommit}, else run at once. (A SELECT run only for its
     * effect, such as an advisory lock, may be held back too, but must then be run otherwise.)
     */
    void write(String statement, Map<String, Object> params) {
        Scope scope = current.get();
        if (scope != null && scope.writingAtCommit) {
            scope.held.add(new HeldWrite(statement, params));
        } else {
            executor().createNamedDmlStatement(statement).params(params).execute();
        }
    }

    /** Whether {@link #write} holds writes back now: inside {@link #inTransactionWritingAtCommit}. */
    boolean writesAtCommit() {
        Scope scope = current.get();
        return scope != null && scope.writingAtCommit;
    }

    /**
     * The current transaction's JDBC connection, for a store that sends several statements in one
     * message (each with its own snapshot, taken after the one before returned: a row lock first,
     * then reads that see everything committed before the lock was had). Taken from the pool here
     * when the transaction has none yet; pgjdbc begins the transaction with the first statement.
     */
    Connection lockingConnection(String operation) {
        Scope scope = current.get();
        if (scope == null) {
            throw new IllegalStateException(operation + " takes row locks; call it inside TransactionBoundary.inTransaction");
        }
        flush(scope);
        return connectionOf(scope);
    }

    /** The scope's connection; taken from the pool (and its transaction begun) when it has none yet. */
    private Connection connectionOf(Scope scope) {
        if (scope.connection == null) {
            Connection connection = connection(pool);
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                closeQuietly(connection, e);
                throw new DbClientException("Could not begin a transaction", e);
            }
            scope.connection = connection;
        }
        return scope.connection;
    }

    private void commit(Scope scope) {
        if (!scope.held.isEmpty()) {
            send(connectionOf(scope), scope.takeHeld(), true);
        }
        if (scope.ownsConnection()) {
            // After a COMMIT sent with the writes, pgjdbc finds the transaction ended and sends nothing.
            try (Connection connection = scope.connection) {
                connection.commit();
            } catch (SQLException e) {
                throw new DbClientException("Commit failed", e);
            }
            scope.connection = null;
        } else {
            scope.commit(); // likewise
        }
    }

    /** Sends what waits before a read, so that the read sees it. */
    private void flush(Scope scope) {
        if (!scope.held.isEmpty()) {
            send(connectionOf(scope), scope.takeHeld(), false);
        }
    }

    /** The writes as one message: one round trip, ending the transaction when {@code commit}. */
    private void send(Connection connection, List<HeldWrite> writes, boolean commit) {
        StringBuilder sql = new StringBuilder();
        List<PositionalSql> parts = new ArrayList<>(writes.size());
        for (HeldWrite write : writes) {
            PositionalSql part = positional.computeIfAbsent(write.statement(),
                    name -> PositionalSql.of(statements.statement(name)));
            parts.add(part);
            sql.append(part.sql()).append(";\n");
        }
        if (commit) {
            sql.append("COMMIT");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (int i = 0; i < writes.size(); i++) {
                index = parts.get(i).bindFrom(statement, index, writes.get(i).params());
            }
            statement.execute();
        } catch (SQLException e) {
            throw new DbClientException("Writes held for the commit failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private record HeldWrite(String statement, Map<String, Object> params) {
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Scope scope = current.get();
        if (scope == null) {
            runQuietly(action);
        } else {
            scope.afterCommit.add(action);
        }
    }

    /** The work is committed whatever an after-commit action does: its failure is only logged. */
    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "An after-commit action failed", e);
        }
    }

    /** Where a store runs its statement: the current transaction, or on its own. */
    DbExecute executor() {
        Scope scope = current.get();
        if (scope == null) {
            return client.execute();
        }
        flush(scope);
        return scope.transaction();
    }

    /** Like {@link #executor()}, but outside a transaction on the validation pool. */
    DbExecute validationExecutor() {
        Scope scope = current.get();
        if (scope == null) {
            return validationClient.execute();
        }
        flush(scope);
        return scope.transaction();
    }

    /** For row locks, which would be released at once outside a transaction. */
    DbExecute lockingExecutor(String operation) {
        Scope scope = current.get();
        if (scope == null) {
            throw new IllegalStateException(operation + " takes row locks; call it inside TransactionBoundary.inTransaction");
        }
        flush(scope);
        return scope.transaction();
    }

    /** A cheap {@code select 1} on the validation pool (busy logins do not make the database look down). */
    boolean answers() {
        try {
            return validationClient.execute().namedGet("health").isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        validationClient.close();
    }

    /**
     * DbClient asks for a connection when a statement first runs. Inside a transaction that is the
     * moment the transaction starts holding one, which the scope notes: only then is there anything
     * to commit or roll back.
     */
    private Connection connectionForWork(DataSource pool) {
        Scope scope = current.get();
        if (scope != null && scope.connection != null) {
            // Taken by lockingConnection: DbClient's transaction carries on with it, and ends it.
            scope.holdsConnection = true;
            return scope.connection;
        }
        Connection connection = connection(pool);
        if (scope != null) {
            scope.holdsConnection = true;
            scope.connection = connection;
        }
        return connection;
    }

    private static Connection connection(DataSource pool) {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            // No connection within the connect timeout: the database is down or every connection busy.
            throw new StoreUnavailable(e);
        }
    }

    /** Opens the DbTransaction lazily: work that never touches the database takes no connection. */
    private static final class Scope {
        private final DbClient client;
        private final boolean writingAtCommit;
        private DbTransaction transaction;
        private boolean holdsConnection;
        /** The transaction's connection, once it has one (what held writes are sent on). */
        private Connection connection;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private List<HeldWrite> held = new ArrayList<>();

        Scope(DbClient client, boolean writingAtCommit) {
            this.client = client;
            this.writingAtCommit = writingAtCommit;
        }

        /** A connection lockingConnection took that DbClient never used: the scope ends it itself. */
        boolean ownsConnection() {
            return connection != null && !holdsConnection;
        }

        List<HeldWrite> takeHeld() {
            List<HeldWrite> taken = held;
            held = new ArrayList<>();
            return taken;
        }

        DbTransaction transaction() {
            if (transaction == null) {
                transaction = client.transaction();
            }
            return transaction;
        }

        void commit() {
            if (holdsConnection) {
                transaction.commit();
            }
        }

        void runAfterCommit() {
            afterCommit.forEach(DbClientTransactionBoundary::runQuietly);
        }

        /** Without a connection (none could be had) nothing was done, and nothing is held. */
        void rollback(Throwable cause) {
            if (ownsConnection()) {
                try (Connection own = connection) {
                    own.rollback();
                } catch (SQLException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
                connection = null;
                return;
            }
            if (!holdsConnection) {
                return;
            }
            try {
                transaction.rollback();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
