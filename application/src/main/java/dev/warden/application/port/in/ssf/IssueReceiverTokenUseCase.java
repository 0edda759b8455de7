package dev.warden.application.port.in.ssf;

import dev.warden.domain.ClientInfo;
import java.util.Objects;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) for receivers: a client that proves
 * its secret gets a short-lived opaque bearer token with the scopes it asked for (both when it
 * asked for none). Failed client authentications count toward the caller's address's login
 * throttle, like failed logins.
 */
public interface IssueReceiverTokenUseCase {
    /**
     * @param scope  the request's {@code scope} parameter; null when absent
     * @param caller where the request came from (for the throttle)
     * @throws InvalidClient when the client is unknown, revoked, or the secret is wrong
     * @throws InvalidScope  when a scope is unknown
     * @throws TooManyClientAuthentications when this address failed too often in the throttle's window
     */
    IssuedToken issue(String clientId, String clientSecret, String scope, ClientInfo caller);

    /**
     * @param accessToken the raw token: the only time it leaves Warden
     * @param expiresInSeconds its lifetime
     * @param scope the granted scopes, as RFC 6749 writes them
     */
    record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
        public IssuedToken {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String toString() {
            return "IssuedToken[redacted, expiresIn=" + expiresInSeconds + ", scope=" + scope + "]";
        }
    }

    /** RFC 6749 {@code invalid_client}: the message is safe to show and says no more than that. */
    final class InvalidClient extends RuntimeException {
        public InvalidClient(String message) {
            super(message, null, false, false);
        }
    }

    /** RFC 6749 {@code invalid_scope}. */
    final class InvalidScope extends RuntimeException {
        public InvalidScope(String message) {
            super(message, null, false, false);
        }
    }

    /** Too many failed client authentications from this address in the throttle's window. */
    final class TooManyClientAuthentications extends RuntimeException {
        private final long retryAfterSeconds;

        public TooManyClientAuthentications(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
