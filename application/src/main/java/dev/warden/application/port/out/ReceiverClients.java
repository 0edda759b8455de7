package dev.warden.application.port.out;

import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverToken;
import dev.warden.domain.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Shared Signals receivers (OAuth clients, with the hash of their secret) and the access
 * tokens issued to them (by hash). A token works only while it has not expired and its client is
 * not revoked, and {@link #findWorkingToken} checks both in the one read every receiver request
 * makes: a revoked client's token stops on its next call.
 */
public interface ReceiverClients {
    void insert(ReceiverClient client);

    Optional<ReceiverClient> find(ReceiverClientId id);

    /** Every client, active and revoked, the most recently registered first. */
    List<ReceiverClient> list();

    /**
     * Revokes an active client at {@code at} and deletes its tokens.
     *
     * @return false when there is no such client or it was already revoked (nothing changes then)
     */
    boolean revoke(ReceiverClientId id, Instant at);

    void insertToken(ReceiverToken token);

    /** The token with this hash if it has not expired at {@code now} and its client is active. */
    Optional<ReceiverToken> findWorkingToken(TokenHash tokenHash, Instant now);

    /**
     * Deletes the client's tokens that expired at or before {@code now}: called when the client gets
     * a new one, so a client's stored tokens stay as few as it asks for in one token lifetime.
     *
     * @return how many were deleted
     */
    int deleteExpiredTokens(ReceiverClientId clientId, Instant now);
}
