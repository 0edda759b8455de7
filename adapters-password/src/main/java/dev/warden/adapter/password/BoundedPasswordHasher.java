package dev.warden.adapter.password;

import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.PasswordHashingSaturated;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link PasswordHasher} whose hashes and verifications run through a
 * {@link BoundedPasswordWork}: at most a fixed number at once (one per core in production), on
 * platform threads of their own, each call waiting its turn for at most the work's bound and then
 * failing with {@link PasswordHashingSaturated} without hashing anything. Decoy verifications for
 * unknown users take a slot like real ones. Built over a shared {@code BoundedPasswordWork}, the
 * hashes share its slots with the strength estimates of a {@link BoundedPasswordBlocklist}.
 */
public final class BoundedPasswordHasher implements PasswordHasher, AutoCloseable {
    /** @see BoundedPasswordWork#DEFAULT_MAX_WAIT */
    public static final Duration DEFAULT_MAX_WAIT = BoundedPasswordWork.DEFAULT_MAX_WAIT;

    private final PasswordHasher delegate;
    private final BoundedPasswordWork work;
    private final boolean ownsWork;

    /** Over slots of its own, which {@link #close()} stops. */
    public BoundedPasswordHasher(PasswordHasher delegate, int maxConcurrent, Duration maxWait) {
        this(delegate, new BoundedPasswordWork(maxConcurrent, maxWait), true);
    }

    /** Over shared slots; closing this leaves them running (their builder closes them). */
    public BoundedPasswordHasher(PasswordHasher delegate, BoundedPasswordWork work) {
        this(delegate, work, false);
    }

    private BoundedPasswordHasher(PasswordHasher delegate, BoundedPasswordWork work, boolean ownsWork) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.work = Objects.requireNonNull(work, "work");
        this.ownsWork = ownsWork;
    }

    /** One slot of its own per core the JVM may use, waiting at most {@link #DEFAULT_MAX_WAIT}. */
    public static BoundedPasswordHasher perCore(PasswordHasher delegate) {
        return new BoundedPasswordHasher(delegate, BoundedPasswordWork.perCore(), true);
    }

    public int maxConcurrent() {
        return work.maxConcurrent();
    }

    @Override
    public String hash(String password) {
        return work.run(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(String password, String hash) {
        return work.run(() -> delegate.verify(password, hash));
    }

    @Override
    public void verifyNothing(String password) {
        work.run(() -> {
            delegate.verifyNothing(password);
            return null;
        });
    }

    /** Stops the hashing threads if they are this hasher's own; calls after this fail. */
    @Override
    public void close() {
        if (ownsWork) {
            work.close();
        }
    }
}
