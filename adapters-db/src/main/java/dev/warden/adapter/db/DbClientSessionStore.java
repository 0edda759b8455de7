package dev.warden.adapter.db;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.SessionStore;
import dev.warden.domain.AddressRange;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatementQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sessions in the {@code sessions} table; the username comes from the joined account. The two
 * statements of the validation hot path run on the validation pool: the lookup always
 * ({@link SessionLookup}, plain JDBC) and the activity writes, gathered and written in batches
 * off the request path ({@link ActivityWrites}).
 */
public final class DbClientSessionStore implements SessionStore {
    private final DbClientTransactionBoundary db;
    private final SessionLookup lookup;
    private final ActiveSessionPages pages;
    private final ActivityWrites activity;

    DbClientSessionStore(DbClientTransactionBoundary db, SessionLookup lookup, ActivityWrites activity) {
        this.db = db;
        this.lookup = lookup;
        this.activity = activity;
        this.pages = new ActiveSessionPages(db);
    }

    @Override
    public void insert(Session session) {
        db.write("session-insert", Sql.params(
                "id", session.id().value(),
                "userId", session.userId().value(),
                "tokenHash", session.tokenHash().value(),
                "ipAddress", session.ipAddress(),
                "userAgent", session.userAgent(),
                "createdAt", Sql.time(session.createdAt()),
                "lastActiveAt", Sql.time(session.lastActiveAt()),
                "expiresAt", Sql.time(session.expiresAt())));
    }

    @Override
    public Optional<AuthenticatedSession> findOpenByTokenHash(TokenHash tokenHash) {
        return lookup.findOpenByTokenHash(tokenHash);
    }

    @Override
    public Optional<Session> lockOpenById(SessionId id) {
        return db.lockingExecutor("lockOpenById").createNamedGet("session-lock-open-by-id")
                .addParam("id", id.value())
                .execute()
                .map(DbClientSessionStore::session);
    }

    @Override
    public List<Session> lockOpenByUser(UserId userId) {
        return sessions(db.lockingExecutor("lockOpenByUser").createNamedQuery("session-lock-open-by-user")
                .addParam("userId", userId.value()));
    }

    @Override
    public int countActiveByUser(UserId userId, ActiveWindow window) {
        return db.executor().createNamedGet("session-count-active-by-user")
                .addParam("userId", userId.value())
                .addParam("now", Sql.time(window.now()))
                .addParam("lastActiveAfter", Sql.time(window.lastActiveAfter()))
                .execute()
                .map(row -> Sql.integer(row, "n"))
                .orElse(0);
    }

    @Override
    public Optional<Instant> authenticatedAt(SessionId id) {
        return db.executor().createNamedGet("session-authenticated-at")
                .addParam("id", id.value())
                .execute().map(row -> Sql.instant(row, "at"));
    }

    @Override
    public void recordReauthentication(SessionId id, Instant at) {
        db.executor().createNamedUpdate("session-record-reauthentication")
                .addParam("id", id.value())
                .addParam("at", Sql.time(at))
                .execute();
    }

    @Override
    public void recordActivity(SessionId id, Instant at) {
        activity.record(id, at);
    }

    @Override
    public void markEnded(SessionId id, TerminationReason reason, UserId actorId, Instant endedAt) {
        db.executor().createNamedUpdate("session-mark-ended")
                .addParam("id", id.value())
                .addParam("reason", reason.name())
                .addParam("actorId", actorId == null ? null : actorId.value())
                .addParam("endedAt", Sql.time(endedAt))
                .execute();
    }

    @Override
    public Page<Session> listActive(ActiveSessionQuery query, ActiveWindow window) {
        return pages.page(query, window);
    }

    @Override
    public List<Session> lockActiveInRange(AddressRange range, UserId userId, SessionId keep, ActiveWindow window,
                                           int batchSize) {
        // A single address reads as a /32 or /128 network: one statement, the same index.
        return sessions(db.lockingExecutor("lockActiveInRange").createNamedQuery("session-lock-active-in-network")
                .addParam("network", range.toString())
                .addParam("userId", userId == null ? null : userId.value())
                .addParam("keepId", keep == null ? null : keep.value())
                .addParam("now", Sql.time(window.now()))
                .addParam("lastActiveAfter", Sql.time(window.lastActiveAfter()))
                .addParam("batchSize", batchSize));
    }

    @Override
    public List<Session> lockExpired(ActiveWindow window, int batchSize) {
        // Past absolute expiry first, then idle ones: each walk one index, bounded by the batch.
        List<Session> pastExpiry = sessions(db.lockingExecutor("lockExpired").createNamedQuery("session-lock-past-expiry")
                .addParam("now", Sql.time(window.now()))
                .addParam("batchSize", batchSize));
        if (pastExpiry.size() == batchSize) {
            return pastExpiry;
        }
        // A whole batch of idle ones: at most pastExpiry.size() of them are rows this transaction
        // already holds, so what is left still fills the batch (the extra rows stay locked until
        // commit and come in the next batch).
        List<Session> idle = sessions(db.lockingExecutor("lockExpired").createNamedQuery("session-lock-idle")
                .addParam("lastActiveAfter", Sql.time(window.lastActiveAfter()))
                .addParam("batchSize", batchSize));
        Set<SessionId> held = pastExpiry.stream().map(Session::id).collect(Collectors.toSet());
        return Stream.concat(pastExpiry.stream(), idle.stream().filter(s -> !held.contains(s.id())))
                .limit(batchSize).toList();
    }

    private static List<Session> sessions(DbStatementQuery statement) {
        try (Stream<DbRow> rows = statement.execute()) {
            return rows.map(DbClientSessionStore::session).toList();
        }
    }

    static Session session(DbRow row) {
        return new Session(
                new SessionId(Sql.uuid(row, "id")),
                new UserId(Sql.uuid(row, "user_id")),
                Sql.string(row, "username"),
                new TokenHash(Sql.string(row, "token_hash")),
                Sql.string(row, "ip_address"),
                Sql.string(row, "user_agent"),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "last_active_at"),
                Sql.instant(row, "expires_at"));
    }
}
