package dev.warden.application.service.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.sessions.TerminateSessionsFromAddressUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.AddressRange;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.Session;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Incident response: ends the active sessions from an address or network in batches of
 * {@link #BATCH_SIZE}, one transaction each, so a /16 with 100,000 sessions neither holds 100,000
 * row locks nor one transaction for minutes; a login from the range during the run may survive it
 * (run it again, or disable the account). Each session gets its session-ended event; the audit log
 * gets one SESSIONS_TERMINATED_BY_IP entry with the total, committed with the last batch (a
 * per-session entry for each of 100,000 sessions would bury the log). The caller's own session is
 * never ended.
 */
public final class TerminateSessionsFromAddressService implements TerminateSessionsFromAddressUseCase {
    static final int BATCH_SIZE = 500;

    private final TransactionBoundary transactions;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final SessionEnding ending;
    private final WardenPolicy policy;
    private final Clock clock;

    public TerminateSessionsFromAddressService(TransactionBoundary transactions, SessionStore sessions,
                                               AuditTrail audit, SessionEnding ending, WardenPolicy policy,
                                               Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.audit = audit;
        this.ending = ending;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int terminateFromAddress(Command command, Actor actor) {
        actor.requireAdministrator();
        AddressRange range = command.range();
        int total = 0;
        while (true) {
            int before = total;
            Batch batch = transactions.inTransaction(() -> {
                Instant now = Now.of(clock);
                List<Session> locked = sessions.lockActiveInRange(range, command.userId(), actor.sessionId(),
                        ActiveWindow.at(now, policy), BATCH_SIZE);
                for (Session session : locked) {
                    ending.endUnaudited(session, TerminationReason.ADMIN_TERMINATED, actor, now);
                }
                boolean last = locked.size() < BATCH_SIZE;
                if (last) {
                    AuditEntry entry = AuditEntry.of(AuditType.SESSIONS_TERMINATED_BY_IP, now)
                            .withActor(actor.id(), actor.username())
                            .withReason(TerminationReason.ADMIN_TERMINATED.name() + ": "
                                    + (before + locked.size()) + " sessions from " + command.ip()
                                    + (command.userId() == null ? "" : " of user " + command.userId().value()));
                    audit.append(entry);
                }
                return new Batch(locked.size(), last);
            });
            total += batch.ended();
            if (batch.last()) {
                return total;
            }
        }
    }

    private record Batch(int ended, boolean last) {
    }
}
