package dev.warden.application.fakes;

import dev.warden.application.port.in.ActiveSessionQuery;
import dev.warden.application.port.in.AccountView;
import dev.warden.application.port.in.AuthenticatedSession;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.SessionCursor;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.SessionStore;
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

/** Sessions in a map, for use-case tests. Locks are no-ops: these tests run on one thread. */
public final class InMemorySessionStore implements SessionStore {
    /** A stored session and how it ended, if it did. */
    public record Row(Session session, TerminationReason endReason, UserId endedBy, Instant endedAt) {
        boolean open() {
            return endReason == null;
        }
    }

    private static final Comparator<Session> NEWEST_ACTIVITY_FIRST =
            Comparator.comparing(Session::lastActiveAt).thenComparing(s -> s.id().value()).reversed();

    private final Map<SessionId, Row> rows = new LinkedHashMap<>();
    private final InMemoryUserAccounts accounts;
    public final AtomicInteger activityWrites = new AtomicInteger();

    public InMemorySessionStore(InMemoryUserAccounts accounts) {
        this.accounts = accounts;
    }

    public Row row(SessionId id) {
        return rows.get(id);
    }

    public List<Row> rowsOf(UserId userId) {
        return rows.values().stream().filter(r -> r.session().userId().equals(userId)).toList();
    }

    /** Every stored row, open or ended. */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** Deletes at most {@code max} sessions that ended before {@code cutoff}. */
    public int removeEndedBefore(Instant cutoff, int max) {
        List<SessionId> due = rows.values().stream()
                .filter(r -> !r.open() && r.endedAt().isBefore(cutoff))
                .map(r -> r.session().id()).limit(max).toList();
        due.forEach(rows::remove);
        return due.size();
    }

    @Override
    public void insert(Session session) {
        rows.put(session.id(), new Row(session, null, null, null));
    }

    @Override
    public Optional<AuthenticatedSession> findOpenByTokenHash(TokenHash tokenHash) {
        return rows.values().stream()
                .filter(r -> r.open() && r.session().tokenHash().equals(tokenHash))
                .findFirst()
                .flatMap(r -> accounts.findById(r.session().userId())
                        .map(a -> new AuthenticatedSession(r.session(), AccountView.of(a))));
    }

    @Override
    public Optional<Session> lockOpenById(SessionId id) {
        return Optional.ofNullable(rows.get(id)).filter(Row::open).map(Row::session);
    }

    @Override
    public List<Session> lockOpenByUser(UserId userId) {
        return rows.values().stream().filter(r -> r.open() && r.session().userId().equals(userId))
                .map(Row::session).toList();
    }

    @Override
    public int countActiveByUser(UserId userId, ActiveWindow window) {
        return (int) active(window).filter(s -> s.userId().equals(userId)).count();
    }

    @Override
    public void recordActivity(SessionId id, Instant at) {
        Row row = rows.get(id);
        if (row != null && row.session().lastActiveAt().isBefore(at)) {
            activityWrites.incrementAndGet();
            rows.put(id, new Row(row.session().withLastActiveAt(at), row.endReason(), row.endedBy(), row.endedAt()));
        }
    }

    @Override
    public void markEnded(SessionId id, TerminationReason reason, UserId actorId, Instant endedAt) {
        Row row = rows.get(id);
        rows.put(id, new Row(row.session(), reason, actorId, endedAt));
    }

    @Override
    public Page<Session> listActive(ActiveSessionQuery query, ActiveWindow window) {
        List<Session> matches = active(window)
                .filter(s -> query.userId() == null || s.userId().equals(query.userId()))
                .filter(s -> query.ipAddress() == null || s.ipAddress().equals(query.ipAddress()))
                .filter(s -> query.q() == null
                        || s.username().toLowerCase(Locale.ROOT).contains(query.q().toLowerCase(Locale.ROOT)))
                .sorted(NEWEST_ACTIVITY_FIRST)
                .toList();
        Stream<Session> from = matches.stream();
        SessionCursor cursor = query.cursor();
        if (cursor != null) {
            from = from.filter(s -> s.lastActiveAt().isBefore(cursor.lastActiveAt())
                    || s.lastActiveAt().equals(cursor.lastActiveAt()) && s.id().value().compareTo(cursor.id().value()) < 0);
        }
        List<Session> page = from.skip(query.page().offset()).limit(query.page().limit()).toList();
        String next = page.size() == query.page().limit()
                ? new SessionCursor(page.getLast().lastActiveAt(), page.getLast().id()).encode() : null;
        // Counted up to the cap, as the database does; past it a lower bound covering this page.
        boolean lowerBound = matches.size() > ActiveSessionQuery.TOTAL_CAP;
        long total = lowerBound
                ? Math.max(ActiveSessionQuery.TOTAL_CAP, (long) query.page().offset() + page.size())
                : matches.size();
        return new Page<>(page, total, lowerBound, query.page().limit(), query.page().offset(), next);
    }

    @Override
    public List<Session> lockExpired(ActiveWindow window, int batchSize) {
        return rows.values().stream().filter(Row::open).map(Row::session)
                .filter(s -> !isActive(s, window)).limit(batchSize).toList();
    }

    private Stream<Session> active(ActiveWindow window) {
        return rows.values().stream().filter(Row::open).map(Row::session).filter(s -> isActive(s, window));
    }

    private static boolean isActive(Session s, ActiveWindow window) {
        return s.expiresAt().isAfter(window.now()) && s.lastActiveAt().isAfter(window.lastActiveAfter());
    }
}
