package dev.warden.application.port.out;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.domain.AddressRange;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions live. "Open" means not yet ended; whether an open session is still active is
 * the domain's call (or an {@link ActiveWindow}'s, in queries). The {@code lock*} methods take
 * row locks and must run inside a {@link TransactionBoundary}.
 */
public interface SessionStore {
    void insert(Session session);

    /**
     * The hot path: one indexed read by token hash, returning the session with its account (as an
     * {@link dev.warden.application.port.in.accounts.AccountView}: no password hash is read). It reads on its
     * own, never as part of a surrounding transaction.
     */
    Optional<AuthenticatedSession> findOpenByTokenHash(TokenHash tokenHash);

    Optional<Session> lockOpenById(SessionId id);

    List<Session> lockOpenByUser(UserId userId);

    int countActiveByUser(UserId userId, ActiveWindow window);

    /**
     * When the open session last proved its user's password: its login, or its latest
     * re-authentication. Read only by the sensitive actions (step-up), never on validation.
     */
    Optional<Instant> authenticatedAt(SessionId id);

    /** The open session's user entered the password again at {@code at}. */
    void recordReauthentication(SessionId id, Instant at);

    /** Moves last activity forward to {@code at}; never backwards. */
    void recordActivity(SessionId id, Instant at);

    void markEnded(SessionId id, TerminationReason reason, UserId actorId, Instant endedAt);

    /** Active sessions, newest activity first. */
    Page<Session> listActive(ActiveSessionQuery query, ActiveWindow window);

    /**
     * Up to {@code batchSize} active sessions whose address lies in {@code range} (only
     * {@code userId}'s when not null), never {@code keep} (may be null), locked for ending, in id
     * order. Rows another transaction holds are waited for, not skipped, so a session being ended
     * meanwhile is not returned twice and one whose activity is being recorded is not missed.
     */
    List<Session> lockActiveInRange(AddressRange range, UserId userId, SessionId keep, ActiveWindow window,
                                    int batchSize);

    /**
     * Open sessions that are no longer active, locked for ending; rows another instance holds
     * are skipped so that several sweepers can run at once.
     */
    List<Session> lockExpired(ActiveWindow window, int batchSize);
}
