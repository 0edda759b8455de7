package dev.warden.application.port.out;

import java.time.Duration;

/**
 * The database behind the stores cannot be used right now: it is down, the connection died in the
 * middle of the call, or no connection came free within the connect timeout. Whatever the call's
 * transaction had done is rolled back. Any store or {@link TransactionBoundary} may throw it.
 */
public final class StoreUnavailable extends TemporarilyUnavailable {
    /** An outage rarely ends within a second; a few seconds spread the retries. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public StoreUnavailable(Throwable cause) {
        super("The database is unreachable or too busy right now.", RETRY_AFTER, cause);
    }
}
