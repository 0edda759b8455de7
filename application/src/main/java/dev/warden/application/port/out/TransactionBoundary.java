package dev.warden.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: every store call inside it commits together or not at
 * all. This is how a session change, its audit entry and its outbox event stay together. When the
 * database cannot be reached or the connection dies, it throws {@link StoreUnavailable}; the work is
 * then kept whole or not at all (only a connection lost during the commit itself leaves the caller
 * unsure which).
 */
public interface TransactionBoundary {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} once the current transaction has committed, or at once when called
     * outside a transaction; never when the transaction rolls back (or its commit fails). For
     * effects outside the database that must not tell of a change that did not happen, such as
     * metrics. The action runs on the committing thread and must be quick; if it throws, the
     * exception is logged and the committed work stands.
     */
    void afterCommit(Runnable action);
}
