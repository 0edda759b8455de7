package dev.warden.application.service.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.sessions.SessionNotFound;
import dev.warden.application.port.in.sessions.TerminateSessionUseCase;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * Ends one session at an administrator's request. Only active sessions can be terminated: one
 * that already ended or expired is "not found", as it is absent from the Sessions page.
 */
public record TerminateSessionService(TransactionBoundary transactions, SessionStore sessions,
        SessionEnding ending, WardenPolicy policy, Clock clock) implements TerminateSessionUseCase {

    @Override
    public void terminate(SessionId sessionId, Actor actor) {
        actor.requireAdministrator();
        transactions.run(() -> {
            Instant now = Now.of(clock);
            Session session = sessions.lockOpenById(sessionId)
                    .filter(s -> s.isActiveAt(now, policy))
                    .orElseThrow(() -> new SessionNotFound("No active session has id " + sessionId + "."));
            ending.end(session, TerminationReason.ADMIN_TERMINATED, actor, null, now);
        });
    }
}
