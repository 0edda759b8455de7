package dev.warden.application.port.in.ssf;

import dev.warden.application.port.in.Actor;

/**
 * An administrator revokes a receiver for good: its tokens stop at once. Needs a fresh password
 * entry; audited SSF_CLIENT_REVOKED. Revoking a revoked client again changes nothing.
 */
public interface RevokeReceiverUseCase {
    /**
     * @throws dev.warden.application.port.in.InvalidRequest when the id is not a UUID
     * @throws ReceiverNotFound when no client has this id
     */
    void revoke(String clientId, Actor actor);
}
