package dev.warden.application.fakes;

import dev.warden.application.port.out.TransactionBoundary;
import java.util.function.Supplier;

/**
 * Runs the work directly and counts transactions. The in-memory fakes do not roll back; rollback
 * is proven against PostgreSQL in the adapter's contract tests.
 */
public final class DirectTransactions implements TransactionBoundary {
    public int started;
    /** How many transactions are open right now (nested calls count once each). */
    public int open;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started++;
        open++;
        try {
            return work.get();
        } finally {
            open--;
        }
    }
}
