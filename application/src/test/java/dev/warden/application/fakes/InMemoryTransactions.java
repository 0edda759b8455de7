package dev.warden.application.fakes;

import dev.warden.application.port.out.TransactionBoundary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Transactions over the in-memory stores, keeping the {@link TransactionBoundary} contract: work
 * that throws leaves every enlisted store as it was, nested calls join the outer one, and
 * {@link #afterCommit} actions run once the outermost call returns. Transactions run one at a time
 * (a second thread waits for the first to finish), which gives every row lock for free; what this
 * does not give is PostgreSQL's isolation and SKIP LOCKED between concurrent transactions, which
 * the adapters' own tests cover.
 */
public final class InMemoryTransactions implements TransactionBoundary {
    private static final System.Logger LOG = System.getLogger(InMemoryTransactions.class.getName());

    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    /** Each takes a snapshot of one store's state and returns what puts it back. */
    private final List<Supplier<Runnable>> snapshots = new CopyOnWriteArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    private static final class Transaction {
        int depth = 1;
        final List<Runnable> afterCommit = new ArrayList<>();
    }

    /** Makes changes to {@code state}, which {@code guard}'s monitor protects, roll back with their transaction. */
    public <K, V> void enlist(Object guard, Map<K, V> state) {
        enlist(guard, () -> new LinkedHashMap<>(state), saved -> {
            state.clear();
            state.putAll(saved);
        });
    }

    /** Makes changes to {@code state}, which {@code guard}'s monitor protects, roll back with their transaction. */
    public <T> void enlist(Object guard, List<T> state) {
        enlist(guard, () -> List.copyOf(state), saved -> {
            state.clear();
            state.addAll(saved);
        });
    }

    /** At the start of each outermost transaction, {@code save} copies the state; a rollback restores that copy. */
    private <S> void enlist(Object guard, Supplier<S> save, Consumer<S> restore) {
        snapshots.add(() -> {
            synchronized (guard) {
                S saved = save.get();
                return () -> {
                    synchronized (guard) {
                        restore.accept(saved);
                    }
                };
            }
        });
    }

    /** How many transactions were started, nested ones included. */
    public int started() {
        return started.get();
    }

    /** How many transactions this thread has open right now (nested calls count once each). */
    public int open() {
        Transaction transaction = current.get();
        return transaction == null ? 0 : transaction.depth;
    }

    /**
     * For the stores' {@code lock*} methods: a lock taken outside a transaction would be dropped at
     * once, so the real stores refuse, and so do these.
     */
    void requireTransaction() {
        if (current.get() == null) {
            throw new IllegalStateException("A lock is taken only inside a transaction.");
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started.incrementAndGet();
        Transaction joined = current.get();
        if (joined != null) {
            joined.depth++;
            try {
                return work.get();
            } finally {
                joined.depth--;
            }
        }
        return outermost(work);
    }

    private <T> T outermost(Supplier<T> work) {
        oneAtATime.lock();
        Transaction transaction = new Transaction();
        T result;
        try {
            current.set(transaction);
            List<Runnable> rollback = snapshots.stream().map(Supplier::get).toList();
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollback.reversed().forEach(Runnable::run);
                throw e;
            }
        } finally {
            current.remove();
            oneAtATime.unlock();
        }
        transaction.afterCommit.forEach(InMemoryTransactions::runCommitted);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Transaction transaction = current.get();
        if (transaction == null) {
            runCommitted(action);
        } else {
            transaction.afterCommit.add(action);
        }
    }

    /** The work is committed whatever the action does, as with the real boundary. */
    private static void runCommitted(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "An after-commit action failed; the committed work stands.", e);
        }
    }
}
