package dev.warden.application.port.in.ssf;

import dev.warden.application.port.in.Actor;
import java.time.Instant;
import java.util.List;

/** The registered receivers, active and revoked, newest first; never a secret. OWNER or ADMIN. */
public interface ListReceiversUseCase {
    List<ReceiverSummary> list(Actor actor);

    /** @param revokedAt null while the client is active */
    record ReceiverSummary(String clientId, String name, Instant createdAt, Instant revokedAt) {
    }
}
