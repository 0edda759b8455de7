package dev.warden.adapter.db;

import dev.warden.application.port.out.StoreUnavailable;
import dev.warden.application.port.out.TransactionBoundary;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 */
public final class DbClientTransactionBoundary implements TransactionBoundary, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DbClientTransactionBoundary.class.getName());

    private final DbClient client;
    private final DbClient validationClient;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    DbClientTransactionBoundary(DataSource pool, DataSource validationPool, DbStatements statements) {
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
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        Scope scope = new Scope(client);
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
        scope.commit();
        scope.runAfterCommit();
        return result;
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
        return scope == null ? client.execute() : scope.transaction();
    }

    /** Like {@link #executor()}, but outside a transaction on the validation pool. */
    DbExecute validationExecutor() {
        Scope scope = current.get();
        return scope == null ? validationClient.execute() : scope.transaction();
    }

    /** For row locks, which would be released at once outside a transaction. */
    DbExecute lockingExecutor(String operation) {
        Scope scope = current.get();
        if (scope == null) {
            throw new IllegalStateException(operation + " takes row locks; call it inside TransactionBoundary.inTransaction");
        }
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
        Connection connection = connection(pool);
        Scope scope = current.get();
        if (scope != null) {
            scope.holdsConnection = true;
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
        private DbTransaction transaction;
        private boolean holdsConnection;
        private final List<Runnable> afterCommit = new ArrayList<>();

        Scope(DbClient client) {
            this.client = client;
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
