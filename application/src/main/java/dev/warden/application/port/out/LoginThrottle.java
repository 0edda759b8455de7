package dev.warden.application.port.out;

import java.time.Instant;

/**
 * Counts login attempts per client and window, shared by every instance of the service (see
 * {@link dev.warden.domain.LoginThrottlePolicy} for the rules). Each call is atomic on its own and
 * none needs to run in a transaction; the counts are few rows (one per client per window) and old
 * windows are deleted.
 */
public interface LoginThrottle {
    /**
     * Counts one more attempt from {@code client} in the window starting at {@code windowStart},
     * unless that window already holds {@code limit}: atomically, so parallel attempts on several
     * instances cannot all pass.
     *
     * @return true when counted (the attempt may go on), false when the window is full
     */
    boolean tryCount(String client, Instant windowStart, int limit);

    /** Gives back one counted attempt that turned out to have the right password. */
    void uncount(String client, Instant windowStart);

    /**
     * Counts one attempt the throttle refused.
     *
     * @return the refusals of this client in this window so far, this one included
     */
    long countRefusal(String client, Instant windowStart);

    /**
     * Deletes the counts of windows that started before {@code windowStart}.
     *
     * @return how many were deleted
     */
    int deleteWindowsBefore(Instant windowStart);
}
