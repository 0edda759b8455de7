package dev.warden.application.service.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.SessionStore;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one way a session ends, whatever the reason: mark it ended, write the audit entry, and
 * put the event in the outbox. Callers run it inside their transaction, with the session's row
 * locked, so the three commit together.
 */
public final class SessionEnding {
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final EventOutbox outbox;

    public SessionEnding(SessionStore sessions, AuditTrail audit, EventOutbox outbox) {
        this.sessions = sessions;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * @param actor  who ended it; null for expiries
     * @param client where the request that ended it came from; null for expiries
     */
    public void end(Session session, TerminationReason reason, Actor actor, ClientInfo client, Instant now) {
        endUnaudited(session, reason, actor, now);
        AuditEntry entry = AuditEntry.of(auditTypeFor(reason), now)
                .withUser(session.userId(), session.username())
                .withSession(session.id())
                .withReason(reason.name());
        if (actor != null) {
            entry = entry.withActor(actor.id(), actor.username());
        }
        audit.append(client == null ? entry : entry.withClient(client));
    }

    /**
     * Marks it ended and puts the event in the outbox, without a per-session audit entry: for a
     * bulk action that writes one entry of its own for all of them (termination by address).
     */
    public void endUnaudited(Session session, TerminationReason reason, Actor actor, Instant now) {
        UserId actorId = actor == null ? null : actor.id();
        sessions.markEnded(session.id(), reason, actorId, now);
        outbox.append(SessionEvent.ended(session, reason, actorId, now));
    }

    /**
     * Ends every one of {@code open} (a user's open sessions, locked): the active ones for
     * {@code reason}, those already past their expiry with their expiry reason and uncounted.
     *
     * @return how many active sessions were ended
     */
    public int endAll(List<Session> open, TerminationReason reason, Actor actor, ClientInfo client, Instant now,
               WardenPolicy policy) {
        int ended = 0;
        for (Session session : open) {
            Optional<TerminationReason> expiry = session.expiryReasonAt(now, policy);
            if (expiry.isPresent()) {
                end(session, expiry.get(), null, null, now);
            } else {
                end(session, reason, actor, client, now);
                ended++;
            }
        }
        return ended;
    }

    private static AuditType auditTypeFor(TerminationReason reason) {
        return switch (reason) {
            case USER_LOGOUT -> AuditType.LOGOUT;
            case ADMIN_TERMINATED, ADMIN_LOGOUT_ALL, ACCOUNT_DISABLED, PASSWORD_RESET, PASSWORD_CHANGED ->
                    AuditType.SESSION_TERMINATED;
            case IDLE_TIMEOUT, ABSOLUTE_LIFETIME -> AuditType.SESSION_EXPIRED;
        };
    }
}
