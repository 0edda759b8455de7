package dev.warden.application.port.in.ssf;

/**
 * Turns Warden's committed events (session ends, logins, password changes and resets, disables and
 * enables) into SETs queued on every stream that wants them, exactly once per stream and event.
 */
public interface FanOutEventsUseCase {
    /**
     * Fans out one batch of the oldest events not yet fanned out, in one transaction.
     *
     * @param issuer the transmitter's issuer, which names users in the SETs' subjects
     * @return how many events the batch took (0 when none were waiting)
     */
    int fanOutOnce(String issuer);
}
