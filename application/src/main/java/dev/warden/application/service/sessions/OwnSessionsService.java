package dev.warden.application.service.sessions;

import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.EndOtherOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.EndOwnSessionUseCase;
import dev.warden.application.port.in.sessions.ListOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.SessionNotFound;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Self-service for every role: see one's own active sessions, end one, or end all but the current
 * one ("log out other devices"). A user ending their own session is a logout (reason
 * USER_LOGOUT), whichever device it was. Another user's session is "not found", exactly like an
 * unknown one, so its existence is not revealed.
 */
public final class OwnSessionsService
        implements ListOwnSessionsUseCase, EndOwnSessionUseCase, EndOtherOwnSessionsUseCase {
    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final SessionStore sessions;
    private final SessionEnding ending;
    private final WardenPolicy policy;
    private final Clock clock;

    public OwnSessionsService(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
                              AuditTrail audit, EventOutbox outbox, WardenPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.ending = new SessionEnding(sessions, audit, outbox);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<Session> listOwn(AuthenticatedSession current) {
        ActiveSessionQuery mine = new ActiveSessionQuery(new PageRequest(PageRequest.MAX_LIMIT, 0), null,
                current.account().id(), null, null);
        return sessions.listActive(mine, ActiveWindow.at(Now.of(clock), policy)).items();
    }

    @Override
    public void endOwn(SessionId sessionId, AuthenticatedSession current, ClientInfo client) {
        UserId me = current.account().id();
        transactions.run(() -> {
            Instant now = Now.of(clock);
            Session session = sessions.lockOpenById(sessionId)
                    .filter(s -> s.userId().equals(me) && s.isActiveAt(now, policy))
                    .orElseThrow(() -> new SessionNotFound("You have no active session with id " + sessionId + "."));
            ending.end(session, TerminationReason.USER_LOGOUT, current.actor(), client, now);
        });
    }

    @Override
    public int endOthers(AuthenticatedSession current, ClientInfo client) {
        UserId me = current.account().id();
        SessionId keep = current.session().id();
        return transactions.inTransaction(() -> {
            Instant now = Now.of(clock);
            // The account lock first, as everywhere a user's sessions are ended together.
            accounts.lockById(me).orElseThrow(() -> new Unauthenticated("A valid session is required. Log in again."));
            List<Session> others = sessions.lockOpenByUser(me).stream().filter(s -> !s.id().equals(keep)).toList();
            return ending.endAll(others, TerminationReason.USER_LOGOUT, current.actor(), client, now, policy);
        });
    }
}
