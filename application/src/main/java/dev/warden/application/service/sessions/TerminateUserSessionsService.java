package dev.warden.application.service.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.sessions.TerminateUserSessionsUseCase;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * "Logout All Devices". Takes the user's row lock first, so a login of that user waits until
 * every session is ended; sessions it finds already expired are ended with their expiry reason
 * and not counted.
 */
public final class TerminateUserSessionsService implements TerminateUserSessionsUseCase {
    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final SessionEnding ending;
    private final WardenPolicy policy;
    private final Clock clock;

    public TerminateUserSessionsService(TransactionBoundary transactions, UserAccounts accounts,
                                        SessionStore sessions, AuditTrail audit, EventOutbox outbox,
                                        WardenPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.ending = new SessionEnding(sessions, audit, outbox);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int terminateAll(UserId userId, Actor actor) {
        actor.requireAdministrator();
        return transactions.inTransaction(() -> {
            Instant now = Now.of(clock);
            Account account = accounts.lockById(userId)
                    .orElseThrow(() -> new UserNotFound("No user has id " + userId + "."));
            int terminated = ending.endAll(sessions.lockOpenByUser(userId), TerminationReason.ADMIN_LOGOUT_ALL,
                    actor, null, now, policy);
            audit.append(AuditEntry.of(AuditType.USER_SESSIONS_TERMINATED, now)
                    .withUser(account.id(), account.username())
                    .withActor(actor.id(), actor.username())
                    .withReason(TerminationReason.ADMIN_LOGOUT_ALL.name() + ": " + terminated + " sessions"));
            return terminated;
        });
    }
}
