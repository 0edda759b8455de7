package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.SessionId;

/** An administrator ends one session, immediately and for good. */
public interface TerminateSessionUseCase {
    /** @throws SessionNotFound when no active session has this id */
    void terminate(SessionId sessionId, Actor actor);
}
