package dev.warden.adapter.kafka;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.domain.OutboxEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The outbox in memory: append notifies waiters, like PostgreSQL's LISTEN/NOTIFY on commit. */
final class InMemoryOutboxQueue implements OutboxQueue, EventOutbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<PendingEvent> pending = new ArrayList<>();
    private final List<Long> published = new ArrayList<>();
    private final List<Integer> pendingAtEachWait = new ArrayList<>();
    private long nextPosition = 1;
    private boolean notified;

    @Override
    public void append(OutboxEvent event) {
        lock.lock();
        try {
            pending.add(new PendingEvent(nextPosition++, event));
            notified = true;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<PendingEvent> oldestUnpublished(int max) {
        lock.lock();
        try {
            return List.copyOf(pending.subList(0, Math.min(max, pending.size())));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void markPublished(List<Long> positions) {
        lock.lock();
        try {
            pending.removeIf(event -> positions.contains(event.position()));
            published.addAll(positions);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitNewEvents(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            pendingAtEachWait.add(pending.size());
            long nanos = timeout.toNanos();
            while (!notified && nanos > 0) {
                nanos = appended.awaitNanos(nanos);
            }
            boolean woken = notified;
            notified = false;
            return woken;
        } finally {
            lock.unlock();
        }
    }

    int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    List<Long> publishedPositions() {
        lock.lock();
        try {
            return List.copyOf(published);
        } finally {
            lock.unlock();
        }
    }

    List<Integer> pendingAtEachWait() {
        lock.lock();
        try {
            return List.copyOf(pendingAtEachWait);
        } finally {
            lock.unlock();
        }
    }

    /** Polls until the condition holds; fails the test after the timeout. */
    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
