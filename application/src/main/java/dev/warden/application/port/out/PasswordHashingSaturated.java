package dev.warden.application.port.out;

import java.time.Duration;

/**
 * Every password-hashing slot stayed busy for the whole bounded wait, so this hash or verification
 * did not run at all. A {@link PasswordHasher} that bounds its concurrency throws it.
 */
public final class PasswordHashingSaturated extends TemporarilyUnavailable {
    /** The queue drains in a fraction of a second once the burst ends. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    public PasswordHashingSaturated() {
        super("Too many password checks are running right now.", RETRY_AFTER, null);
    }
}
