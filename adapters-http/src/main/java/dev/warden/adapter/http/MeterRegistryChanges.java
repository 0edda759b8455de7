package dev.warden.adapter.http;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock for every change to a Helidon meter registry in this JVM: a meter created or removed, a
 * registry closed, a web server (whose metrics feature creates and removes meters) started or
 * stopped.
 *
 * <p>Why: Helidon 4.5 creates every registry's meters through Micrometer's global registry, which
 * announces each new or removed meter to every Helidon registry while it holds its own lock, and
 * each Helidon registry takes its write lock to hear it. So a change in registry A (A's lock, then
 * Micrometer's) and one in registry B (Micrometer's, then A's while announcing) take the two locks
 * in opposite orders, and both threads wait forever. Two instances in one JVM did exactly that: the
 * first request of a route on each at the same moment, then the stop of one waited on both for good.
 * One Warden per JVM has one registry of its own beside Helidon's global one; the lock keeps that
 * safe as well. The lock is taken only when a meter is made (an HTTP label set's first request) or
 * removed, never to count.
 */
public final class MeterRegistryChanges {
    private static final ReentrantLock LOCK = new ReentrantLock();

    private MeterRegistryChanges() {
    }

    /** Runs {@code change} while no other registry change in this JVM runs. */
    public static <T> T exclusively(Supplier<T> change) {
        Objects.requireNonNull(change, "change");
        try (Held held = hold()) {
            return change.get();
        }
    }

    /** Runs {@code change} while no other registry change in this JVM runs. */
    public static void exclusively(Runnable change) {
        Objects.requireNonNull(change, "change");
        try (Held held = hold()) {
            change.run();
        }
    }

    /** Takes the lock until the returned {@link Held} is closed (for a constructor that assigns its meters). */
    public static Held hold() {
        LOCK.lock();
        return LOCK::unlock;
    }

    /** The lock, held until closed. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
