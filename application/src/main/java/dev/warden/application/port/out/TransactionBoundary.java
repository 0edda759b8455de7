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

    /**
     * {@link #inTransaction}, for work that reads first and then only writes what it never reads
     * back (appends, inserts, updates): a store may hold those writes back and send them together
     * with the commit, in one trip to the database (a login's last step, issue 22). A read flushes
     * what waits first, so the work still sees its own writes. A held-back write that fails throws
     * from this call, at commit, instead of from the store call, and the whole work rolls back.
     */
    default <T> T inTransactionWritingAtCommit(Supplier<T> work) {
        return inTransaction(work);
    }

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
