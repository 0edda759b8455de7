package dev.warden.application.port.in.ssf;

import dev.warden.application.port.in.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * An administrator registers a Shared Signals receiver: an OAuth client with a generated secret,
 * shown this once and stored only as a hash. Needs a fresh password entry
 * ({@link dev.warden.domain.StepUp#neededToManageReceivers()}); audited SSF_CLIENT_CREATED.
 */
public interface RegisterReceiverUseCase {
    /**
     * @throws dev.warden.application.port.in.InvalidRequest when the name is missing, too long or has control characters
     * @throws dev.warden.application.port.in.Forbidden unless OWNER or ADMIN
     * @throws dev.warden.application.port.in.auth.ReauthenticationRequired when the session is not fresh
     */
    RegisteredReceiver register(String name, Actor actor);

    /** The new client, with its secret: the only time the secret leaves Warden. */
    record RegisteredReceiver(String clientId, String clientSecret, String name, Instant createdAt) {
        public RegisteredReceiver {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        @Override
        public String toString() {
            return "RegisteredReceiver[clientId=" + clientId + ", name=" + name + ", secret redacted]";
        }
    }
}
