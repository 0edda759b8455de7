package dev.warden.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: every store call inside it commits together or not at
 * all. This is how a session change, its audit entry and its outbox event stay together.
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
