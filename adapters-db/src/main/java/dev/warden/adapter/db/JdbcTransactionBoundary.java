package dev.warden.adapter.db;

import dev.warden.application.port.out.TransactionBoundary;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One {@link DbTransaction} per {@link #inTransaction} call, kept in a thread-local so that every
 * store called inside it joins it. A nested call joins the outer transaction. The transaction
 * commits when the work returns and rolls back when it throws anything. Outside a transaction a
 * store's statement runs on its own connection in auto-commit.
 */
public final class JdbcTransactionBoundary implements TransactionBoundary {
    private final DbClient client;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    JdbcTransactionBoundary(DbClient client) {
        this.client = client;
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
        return result;
    }

    /** Where a store runs its statement: the current transaction, or on its own. */
    DbExecute executor() {
        Scope scope = current.get();
        return scope == null ? client.execute() : scope.transaction();
    }

    /** For row locks, which would be released at once outside a transaction. */
    DbExecute lockingExecutor(String operation) {
        Scope scope = current.get();
        if (scope == null) {
            throw new IllegalStateException(operation + " takes row locks; call it inside TransactionBoundary.inTransaction");
        }
        return scope.transaction();
    }

    /** Opens the DbTransaction lazily: work that never touches the database takes no connection. */
    private static final class Scope {
        private final DbClient client;
        private DbTransaction transaction;

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
            if (transaction != null) {
                transaction.commit();
            }
        }

        void rollback(Throwable cause) {
            if (transaction == null) {
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
