package dev.warden.application.service.sessions;

import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Session;
import dev.warden.domain.SessionToken;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The hot path: every request of every trusting service comes through here. The common case is
 * one indexed read; last activity is written back at most once per
 * {@link WardenPolicy#activityWriteInterval()}. A session found expired is ended on the spot
 * (the sweeper would get to it within its interval anyway).
 */
public record ValidateSessionService(TransactionBoundary transactions, SessionStore sessions,
        SessionEnding ending, WardenPolicy policy, Clock clock) implements ValidateSessionUseCase {

    private static final String MESSAGE = "A valid session is required. Log in again.";

    @Override
    public AuthenticatedSession validate(String presentedToken) {
        SessionToken token;
        try {
            token = SessionToken.parse(presentedToken);
        } catch (IllegalArgumentException e) {
            throw new Unauthenticated(MESSAGE);
        }
        AuthenticatedSession found = sessions.findOpenByTokenHash(token.hash())
                .orElseThrow(() -> new Unauthenticated(MESSAGE));
        Instant now = Now.of(clock);
        Session session = found.session();
        Optional<TerminationReason> expiry = session.expiryReasonAt(now, policy);
        if (expiry.isPresent()) {
            endExpired(session, now);
            throw new Unauthenticated(MESSAGE);
        }
        if (found.account().status() != AccountStatus.ACTIVE) {
            throw new Unauthenticated(MESSAGE);
        }
        if (session.needsActivityWrite(now, policy)) {
            sessions.recordActivity(session.id(), now);
            return new AuthenticatedSession(session.withLastActiveAt(now), found.account());
        }
        return found;
    }

    private void endExpired(Session seen, Instant now) {
        transactions.run(() -> sessions.lockOpenById(seen.id()).ifPresent(locked ->
                locked.expiryReasonAt(now, policy).ifPresent(reason ->
                        ending.end(locked, reason, null, null, now))));
    }
}
