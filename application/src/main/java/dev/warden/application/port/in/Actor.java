package dev.warden.application.port.in;

import dev.warden.domain.Role;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import java.util.Objects;

/**
 * Who is asking: the account behind the validated session of an admin request.
 *
 * @param sessionId the session the request came with, whose freshness the sensitive actions ask
 *                  about; null when no session stands behind the actor (then it is never fresh)
 */
public record Actor(UserId id, String username, Role role, SessionId sessionId) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /** @throws Forbidden unless OWNER or ADMIN */
    public Actor requireAdministrator() {
        if (!role.canAdminister()) {
            throw new Forbidden("This needs the OWNER or ADMIN role.");
        }
        return this;
    }
}
