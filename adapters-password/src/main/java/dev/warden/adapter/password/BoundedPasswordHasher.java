package dev.warden.adapter.password;

import dev.warden.application.port.out.PasswordHasher;
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
 * Lets at most a fixed number of hashes and verifications run at once (one per core in
 * production). Argon2 is CPU- and memory-bound: a hundred parallel logins cannot finish sooner than
 * the cores allow, they only pile up 19 MiB each. A call beyond the bound waits its turn (first
 * come, first served) for at most {@code maxWait}, then fails with {@link PasswordHashingSaturated}
 * without hashing anything, which the API answers with 503 and {@code Retry-After}. Decoy
 * verifications for unknown users take a slot like real ones, so saturation answers the same for
 * every username.
 *
 * <p>The hashes run on platform threads of their own, not on the caller's: requests are served on
 * virtual threads, whose carriers are as many as the cores, and a CPU-bound hash never yields its
 * carrier. Hashing on the carriers would let a burst of logins hold every one of them, and session
 * validation would wait for a free carrier; on their own threads, the hashes share the cores
 * with everything else through the operating system's scheduler.
 */
public final class BoundedPasswordHasher implements PasswordHasher, AutoCloseable {
    /**
     * How long a call waits for a slot: with 26 ms per hash, a few dozen logins per core still get
     * through a burst, and nobody waits longer than a person would notice before being told to retry.
     */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

    private final PasswordHasher delegate;
    private final int maxConcurrent;
    private final Semaphore slots;
    private final long maxWaitNanos;
    private final ExecutorService hashing;

    public BoundedPasswordHasher(PasswordHasher delegate, int maxConcurrent, Duration maxWait) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
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
        this.hashing = Executors.newFixedThreadPool(maxConcurrent,
                Thread.ofPlatform().name("warden-password-hashing-", 1).daemon().factory());
    }

    /** One slot per core the JVM may use, waiting at most {@link #DEFAULT_MAX_WAIT}. */
    public static BoundedPasswordHasher perCore(PasswordHasher delegate) {
        return new BoundedPasswordHasher(delegate, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_WAIT);
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    @Override
    public String hash(String password) {
        return bounded(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(String password, String hash) {
        return bounded(() -> delegate.verify(password, hash));
    }

    @Override
    public void verifyNothing(String password) {
        bounded(() -> {
            delegate.verifyNothing(password);
            return null;
        });
    }

    private <T> T bounded(Callable<T> work) {
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
            // The task frees its slot when the hash is done, even if the caller stopped waiting.
            return hashing.submit(() -> {
                try {
                    return work.call();
                } finally {
                    slots.release();
                }
            }).get();
        } catch (RejectedExecutionException e) {
            slots.release();
            throw new IllegalStateException("password hashing has been shut down", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a password", e);
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

    /** Stops the hashing threads; calls after this fail. */
    @Override
    public void close() {
        hashing.shutdownNow();
    }
}
