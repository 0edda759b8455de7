package dev.warden.application.service.sessions;

import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.LogoutUseCase;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.TerminationReason;
import java.time.Clock;

/** Ends the caller's own session; a second logout of the same session finds nothing to end. */
public final class LogoutService implements LogoutUseCase {
    private final TransactionBoundary transactions;
    private final SessionStore sessions;
    private final SessionEnding ending;
    private final Clock clock;

    public LogoutService(TransactionBoundary transactions, SessionStore sessions, AuditTrail audit,
                         EventOutbox outbox, Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.ending = new SessionEnding(sessions, audit, outbox);
        this.clock = clock;
    }

    @Override
    public void logout(AuthenticatedSession current, ClientInfo client) {
        transactions.run(() -> sessions.lockOpenById(current.session().id()).ifPresent(session ->
                ending.end(session, TerminationReason.USER_LOGOUT, current.actor(), client, Now.of(clock))));
    }
}
