package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a receiver's bearer token on every call: it must be one Warden issued, not expired, and
 * its client not revoked. One read by the token's hash.
 */
public interface AuthenticateReceiverUseCase {
    /** @throws InvalidReceiverToken otherwise */
    AuthenticatedReceiver authenticate(String bearerToken);

    /** The client behind a working token, and what the token allows. */
    record AuthenticatedReceiver(ReceiverClientId clientId, Set<ReceiverScope> scopes) {
        public AuthenticatedReceiver {
            Objects.requireNonNull(clientId, "clientId");
            scopes = Set.copyOf(scopes);
        }

        public boolean allows(ReceiverScope scope) {
            return scopes.contains(scope);
        }
    }

    /** RFC 6750 {@code invalid_token}: unknown, malformed, expired, or its client revoked. */
    final class InvalidReceiverToken extends RuntimeException {
        public InvalidReceiverToken(String message) {
            super(message, null, false, false);
        }
    }
}
