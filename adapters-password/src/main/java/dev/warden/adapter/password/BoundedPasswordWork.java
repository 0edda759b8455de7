package dev.warden.adapter.password;

import dev.warden.application.port.out.PasswordHashingSaturated;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The CPU-bound password work, bounded: Argon2 hashes and verifications
 * ({@link BoundedPasswordHasher}) and strength estimates ({@link BoundedPasswordBlocklist}) share
 * one set of slots (one per core in production), so that at most that many run at once, whatever
 * mix of them is asked for. Argon2 is CPU- and memory-bound: a hundred parallel logins cannot
 * finish sooner than the cores allow, they only pile up 19 MiB each; a strength estimate costs up
 * to a few milliseconds of CPU. A call beyond the bound waits its turn (first come, first served)
 * for at most {@code maxWait}, then fails with {@link PasswordHashingSaturated} without running
 * anything, which the API answers with 503 and {@code Retry-After}. Decoy verifications for
 * unknown users take a slot like real ones, so saturation answers the same for every username.
 *
 * <p>The work runs on platform threads of its own, not on the caller's: requests are served on
 * virtual threads, whose carriers are as many as the cores, and CPU-bound work never yields its
 * carrier. Running it on the carriers would let a burst of logins or password changes hold every
 * one of them, and session validation would wait for a free carrier; on their own threads, hashes
 * and estimates share the cores with everything else through the operating system's scheduler.
 *
 * <p>Closing it stops its threads; calls after that fail with {@link IllegalStateException}. Its
 * users do not close it when it was given to them: whoever built it does.
 */
public final class BoundedPasswordWork implements AutoCloseable {
    /**
     * How long a call waits for a slot: with 26 ms per hash, a few dozen logins per core still get
     * through a burst, and nobody waits longer than a person would notice before being told to retry.
     */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

    private final int maxConcurrent;
    private final Semaphore slots;
    private final long maxWaitNanos;
    private final ExecutorService threads;

    public BoundedPasswordWork(int maxConcurrent, Duration maxWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        this.maxConcurrent = maxConcurrent;
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxWaitNanos = maxWait.toNanos();
        // The name predates the strength estimates: thread dumps and dashboards know it.
        this.threads = Executors.newFixedThreadPool(maxConcurrent,
                Thread.ofPlatform().name("warden-password-hashing-", 1).daemon().factory());
    }

    /** One slot per core the JVM may use, waiting at most {@link #DEFAULT_MAX_WAIT}. */
    public static BoundedPasswordWork perCore() {
        return new BoundedPasswordWork(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_WAIT);
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * Runs {@code work} on one of the work threads once a slot is free, and returns its answer.
     *
     * @throws PasswordHashingSaturated if no slot came free within the wait; {@code work} did not run
     * @throws IllegalStateException    if this has been closed
     */
    public <T> T run(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingSaturated();
        }
        if (!acquired) {
            throw new PasswordHashingSaturated();
        }
        try {
            // The task frees its slot when the work is done, even if the caller stopped waiting.
            return threads.submit(() -> {
                try {
                    return work.call();
                } finally {
                    slots.release();
                }
            }).get();
        } catch (RejectedExecutionException e) {
            slots.release();
            throw new IllegalStateException("password work has been shut down", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for password work", e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** Stops the work threads; calls after this fail. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
