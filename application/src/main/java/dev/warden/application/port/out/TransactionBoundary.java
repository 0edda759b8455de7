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
}
