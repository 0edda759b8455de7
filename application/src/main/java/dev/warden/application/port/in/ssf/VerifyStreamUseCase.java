package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;

/**
 * A receiver asks for a verification SET on its stream (SSF 1.0 section 8.1.4.2): queued with the
 * receiver's {@code state}, at most once per {@code min_verification_interval}. A paused stream
 * holds it; a disabled one drops it.
 */
public interface VerifyStreamUseCase {
    /**
     * @param state null when none
     * @throws TooManyVerifications when the last request was less than min_verification_interval ago
     * @throws StreamNotFound when the caller has no stream with this id
     */
    void verify(ReceiverClientId caller, String streamId, String state);
}
