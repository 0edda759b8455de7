package dev.warden.application.fakes;

import dev.warden.application.port.out.TransactionBoundary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the work directly and counts transactions. The in-memory fakes do not roll back; rollback
 * is proven against PostgreSQL in the adapter's contract tests. {@link #afterCommit} actions run
 * when the outermost transaction returns, and are dropped when it throws, as the real boundary does.
 */
public final class DirectTransactions implements TransactionBoundary {
    public int started;
    /** How many transactions are open right now (nested calls count once each). */
    public int open;
    private final List<Runnable> afterCommit = new ArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started++;
        open++;
        boolean outermost = open == 1;
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            if (outermost) {
                afterCommit.clear();
            }
            throw e;
        } finally {
            open--;
        }
        if (outermost) {
            List<Runnable> actions = List.copyOf(afterCommit);
            afterCommit.clear();
            actions.forEach(Runnable::run);
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        if (open == 0) {
            action.run();
        } else {
            afterCommit.add(action);
        }
    }
}
