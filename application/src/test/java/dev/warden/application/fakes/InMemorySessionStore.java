package dev.warden.application.fakes;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.accounts.AccountView;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.SessionStore;
import dev.warden.domain.AddressRange;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sessions in a map, for use-case tests; keeps the {@link SessionStore} contract. Its locks are the
 * transaction's: {@link InMemoryTransactions} runs one transaction at a time.
 */
public final class InMemorySessionStore implements SessionStore {
    /** A stored session and how it ended, if it did. */
    public record Row(Session session, TerminationReason endReason, UserId endedBy, Instant endedAt) {
        boolean open() {
            return endReason == null;
        }
    }

    /** PostgreSQL orders uuids byte by byte, as their lower-case text sorts. */
    private static final Comparator<Session> BY_ID = Comparator.comparing(s -> s.id().value().toString());

    private final Map<SessionId, Row> rows = new LinkedHashMap<>();
    /** Re-authentications by session (the column beside the row, in PostgreSQL). */
    private final Map<SessionId, Instant> reauthenticatedAt = new LinkedHashMap<>();
    private final InMemoryUserAccounts accounts;
    private final InMemoryTransactions transactions;
    public final AtomicInteger activityWrites = new AtomicInteger();

    public InMemorySessionStore(InMemoryUserAccounts accounts, InMemoryTransactions transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
        transactions.enlist(this, rows);
        transactions.enlist(this, reauthenticatedAt);
    }

    public synchronized Row row(SessionId id) {
        return rows.get(id);
    }

    public synchronized List<Row> rowsOf(UserId userId) {
        return rows.values().stream().filter(r -> r.session().userId().equals(userId)).toList();
    }

    /** Every stored row, open or ended. */
    public synchronized List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** Every active session, in no particular order: what the user list counts. */
    public synchronized List<Session> active(ActiveWindow window) {
        return activeStream(window).toList();
    }

    /** Deletes at most {@code max} sessions that ended before {@code cutoff}. */
    public synchronized int removeEndedBefore(Instant cutoff, int max) {
        List<SessionId> due = rows.values().stream()
                .filter(r -> !r.open() && r.endedAt().isBefore(cutoff))
                .map(r -> r.session().id()).limit(max).toList();
        due.forEach(rows::remove);
        return due.size();
    }

    @Override
    public synchronized void insert(Session session) {
        rows.put(session.id(), new Row(session, null, null, null));
    }

    @Override
    public Optional<AuthenticatedSession> findOpenByTokenHash(TokenHash tokenHash) {
        Optional<Session> open;
        synchronized (this) {
            open = rows.values().stream()
                    .filter(r -> r.open() && r.session().tokenHash().equals(tokenHash))
                    .findFirst().map(Row::session);
        }
        // The account is read outside this store's monitor: the user list reads the other way round.
        return open.flatMap(s -> accounts.findById(s.userId()).map(a -> new AuthenticatedSession(s, AccountView.of(a))));
    }

    @Override
    public synchronized Optional<Session> lockOpenById(SessionId id) {
        transactions.requireTransaction();
        return Optional.ofNullable(rows.get(id)).filter(Row::open).map(Row::session);
    }

    @Override
    public synchronized List<Session> lockOpenByUser(UserId userId) {
        transactions.requireTransaction();
        return rows.values().stream().filter(r -> r.open() && r.session().userId().equals(userId))
                .map(Row::session).sorted(Comparator.comparing(Session::createdAt).thenComparing(BY_ID)).toList();
    }

    @Override
    public synchronized int countActiveByUser(UserId userId, ActiveWindow window) {
        return (int) activeStream(window).filter(s -> s.userId().equals(userId)).count();
    }

    @Override
    public synchronized Optional<Instant> authenticatedAt(SessionId id) {
        Row row = rows.get(id);
        if (row == null || !row.open()) {
            return Optional.empty();
        }
        return Optional.of(reauthenticatedAt.getOrDefault(id, row.session().createdAt()));
    }

    @Override
    public synchronized void recordReauthentication(SessionId id, Instant at) {
        Row row = rows.get(id);
        if (row != null && row.open()) {
            reauthenticatedAt.put(id, at);
        }
    }

    @Override
    public synchronized void recordActivity(SessionId id, Instant at) {
        Row row = rows.get(id);
        if (row != null && row.session().lastActiveAt().isBefore(at)) {
            activityWrites.incrementAndGet();
            rows.put(id, new Row(row.session().withLastActiveAt(at), row.endReason(), row.endedBy(), row.endedAt()));
        }
    }

    /** The first end stands: a session already ended is left as it is. */
    @Override
    public synchronized void markEnded(SessionId id, TerminationReason reason, UserId actorId, Instant endedAt) {
        Row row = rows.get(id);
        if (row != null && row.open()) {
            rows.put(id, new Row(row.session(), reason, actorId, endedAt));
        }
    }

    @Override
    public synchronized Page<Session> listActive(ActiveSessionQuery query, ActiveWindow window) {
        List<Session> matches = activeStream(window)
                .filter(s -> query.userId() == null || s.userId().equals(query.userId()))
                .filter(s -> query.ipRange() == null || query.ipRange().contains(s.ipAddress()))
                .filter(s -> query.q() == null
                        || s.username().toLowerCase(Locale.ROOT).contains(query.q().toLowerCase(Locale.ROOT)))
                .sorted(SessionOrdering.of(query.sort(), query.order()))
                .toList();
        Stream<Session> from = matches.stream();
        SessionCursor cursor = query.cursor();
        if (cursor != null) {
            from = from.filter(s -> SessionOrdering.isAfter(s, cursor));
        }
        List<Session> page = from.skip(query.page().offset()).limit(query.page().limit()).toList();
        String next = page.size() == query.page().limit() ? query.cursorAfter(page.getLast()).encode() : null;
        if (!query.page().counted()) {
            return Page.uncounted(page, query.page().limit(), query.page().offset(), next);
        }
        // Counted up to the cap, as the database does; past it a lower bound covering this page.
        boolean lowerBound = matches.size() > ActiveSessionQuery.TOTAL_CAP;
        long total = lowerBound
                ? Math.max(ActiveSessionQuery.TOTAL_CAP, (long) query.page().offset() + page.size())
                : matches.size();
        return new Page<>(page, total, lowerBound, query.page().limit(), query.page().offset(), next);
    }

    @Override
    public synchronized List<Session> lockActiveInRange(AddressRange range, UserId userId, SessionId keep,
                                                        ActiveWindow window, int batchSize) {
        transactions.requireTransaction();
        return activeStream(window)
                .filter(s -> range.contains(s.ipAddress()))
                .filter(s -> userId == null || s.userId().equals(userId))
                .filter(s -> !s.id().equals(keep))
                .sorted(BY_ID).limit(batchSize).toList();
    }

    @Override
    public synchronized List<Session> lockExpired(ActiveWindow window, int batchSize) {
        transactions.requireTransaction();
        return rows.values().stream().filter(Row::open).map(Row::session)
                .filter(s -> !isActive(s, window))
                // As the database walks them: past absolute expiry first, then the longest idle.
                .sorted(Comparator.comparing((Session s) -> s.expiresAt().isAfter(window.now()))
                        .thenComparing(s -> s.expiresAt().isAfter(window.now()) ? s.lastActiveAt() : s.expiresAt())
                        .thenComparing(BY_ID))
                .limit(batchSize).toList();
    }

    private Stream<Session> activeStream(ActiveWindow window) {
        return rows.values().stream().filter(Row::open).map(Row::session).filter(s -> isActive(s, window));
    }

    private static boolean isActive(Session s, ActiveWindow window) {
        return s.expiresAt().isAfter(window.now()) && s.lastActiveAt().isAfter(window.lastActiveAfter());
    }
}
