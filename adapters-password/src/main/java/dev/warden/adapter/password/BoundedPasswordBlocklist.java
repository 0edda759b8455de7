package dev.warden.adapter.password;

import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHashingSaturated;
import java.util.Objects;

/**
 * A {@link PasswordBlocklist} whose answers are computed through a {@link BoundedPasswordWork},
 * the same one the {@link BoundedPasswordHasher} uses: a strength estimate costs up to a few
 * milliseconds of CPU ({@link CommonPasswordBlocklist}), so it takes one of the per-core slots like
 * a hash, runs on the work's platform threads rather than on the request's virtual thread, and
 * fails with {@link PasswordHashingSaturated} (503 and {@code Retry-After}) without estimating
 * anything when no slot comes free in time.
 */
public final class BoundedPasswordBlocklist implements PasswordBlocklist {
    private final PasswordBlocklist delegate;
    private final BoundedPasswordWork work;

    /** @param work shared with the hasher; closing it is its builder's business */
    public BoundedPasswordBlocklist(PasswordBlocklist delegate, BoundedPasswordWork work) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public boolean contains(String normalizedPassword) {
        return work.run(() -> delegate.contains(normalizedPassword));
    }
}
