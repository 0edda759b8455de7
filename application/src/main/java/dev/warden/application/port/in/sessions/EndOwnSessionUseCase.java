package dev.warden.application.port.in.sessions;

import dev.warden.domain.ClientInfo;
import dev.warden.domain.SessionId;

/** Any user ends one of their own sessions; ending the current one is a logout. */
public interface EndOwnSessionUseCase {
    /** @throws SessionNotFound unless the session is the caller's own and active */
    void endOwn(SessionId sessionId, AuthenticatedSession current, ClientInfo client);
}
