package dev.warden.adapter.db;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.domain.Session;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatement;
import io.helidon.dbclient.DbStatementGet;
import io.helidon.dbclient.DbStatementQuery;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One page of the Sessions page's list, with its total. The filters decide the statement: one per
 * filter shape (warden-db-statements.yaml, "the Sessions page"), each driven by one index, so no
 * page depends on which plan PostgreSQL picks. The total is counted up to
 * {@link ActiveSessionQuery#TOTAL_CAP} and is a lower bound past it.
 */
final class ActiveSessionPages {
    /** Past this many users whose name contains q, q is common: walk by activity instead of user by user. */
    static final int MAX_NAMED_USERS = 1_000;
    private static final int COUNT_LIMIT = ActiveSessionQuery.TOTAL_CAP + 1;

    private final DbClientTransactionBoundary db;

    ActiveSessionPages(DbClientTransactionBoundary db) {
        this.db = db;
    }

    Page<Session> page(ActiveSessionQuery query, ActiveWindow window) {
        if (query.userId() != null) {
            return filtered("session-page-of-user", "session-count-of-user", query, window);
        }
        if (query.ipAddress() != null && !query.ipRange().isSingleAddress()) {
            return filtered("session-page-in-network", "session-count-in-network", query, window);
        }
        if (query.ipAddress() != null) {
            return filtered("session-page-from-ip", "session-count-from-ip", query, window);
        }
        if (query.q() != null) {
            return named(query, window);
        }
        List<Session> items = query.cursor() == null
                ? list(window(db.executor().createNamedQuery("session-page-all"), window), query)
                : list(cursor(window(db.executor().createNamedQuery("session-page-all-after"), window), query), query);
        return page(query, items, count(window(db.executor().createNamedGet("session-count-all"), window)), false);
    }

    /** One user or one address drives; the other filters (and the cursor) only narrow its few rows. */
    private Page<Session> filtered(String pageStatement, String countStatement, ActiveSessionQuery query,
                                   ActiveWindow window) {
        List<Session> items = list(cursor(filters(db.executor().createNamedQuery(pageStatement), query, window), query),
                query);
        return page(query, items, count(filters(db.executor().createNamedGet(countStatement), query, window)), false);
    }

    /**
     * By name alone: the users whose name contains q first. Up to {@link #MAX_NAMED_USERS}, the page
     * and the total come user by user. More: the page walks by activity, and the total counts the
     * sessions of the first users found, so it is a lower bound.
     */
    private Page<Session> named(ActiveSessionQuery query, ActiveWindow window) {
        List<UUID> users;
        try (Stream<DbRow> rows = db.executor().createNamedQuery("session-users-named")
                .addParam("pattern", containsPattern(query.q()))
                .addParam("max", MAX_NAMED_USERS + 1)
                .execute()) {
            users = rows.map(row -> Sql.uuid(row, "id")).toList();
        }
        if (users.isEmpty()) {
            return page(query, List.of(), 0, false);
        }
        String ids = users.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        long counted = count(window(db.executor().createNamedGet("session-count-of-users"), window)
                .addParam("ids", ids));
        boolean common = users.size() > MAX_NAMED_USERS;
        List<Session> items;
        if (!common) {
            int limit = query.page().limit();
            items = list(cursor(window(db.executor().createNamedQuery("session-page-of-users"), window), query)
                    .addParam("ids", ids)
                    // Each user's share of the page can be the whole page (and what the offset skips).
                    .addParam("perUser", (long) limit + offset(query)), query);
        } else if (query.cursor() == null) {
            items = list(window(db.executor().createNamedQuery("session-page-named"), window)
                    .addParam("q", query.q()), query);
        } else {
            items = list(cursor(window(db.executor().createNamedQuery("session-page-named-after"), window), query)
                    .addParam("q", query.q()), query);
        }
        return page(query, items, counted, common);
    }

    /** q as a LIKE pattern for "contains": its own % _ and the escape character ! taken literally. */
    static String containsPattern(String q) {
        return "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static <D extends DbStatement<D>> D window(D statement, ActiveWindow window) {
        return statement
                .addParam("now", Sql.time(window.now()))
                .addParam("lastActiveAfter", Sql.time(window.lastActiveAfter()));
    }

    private static <D extends DbStatement<D>> D filters(D statement, ActiveSessionQuery query, ActiveWindow window) {
        return window(statement, window)
                .addParam("userId", query.userId() == null ? null : query.userId().value())
                .addParam("ipAddress", query.ipAddress())
                .addParam("network", query.ipAddress())
                .addParam("q", query.q());
    }

    /** The cursor's position; null without one (for the statements where the cursor is optional). */
    private static <D extends DbStatement<D>> D cursor(D statement, ActiveSessionQuery query) {
        SessionCursor cursor = query.cursor();
        return statement
                .addParam("cursorAt", cursor == null ? null : Sql.time(cursor.lastActiveAt()))
                .addParam("cursorId", cursor == null ? null : cursor.id().value());
    }

    /** Runs a page statement with the page's limit and offset. */
    private static List<Session> list(DbStatementQuery statement, ActiveSessionQuery query) {
        try (Stream<DbRow> rows = statement
                .addParam("limit", query.page().limit())
                .addParam("offset", offset(query))
                .execute()) {
            return rows.map(DbClientSessionStore::session).toList();
        }
    }

    private static long count(DbStatementGet statement) {
        return statement.addParam("cap", COUNT_LIMIT).execute().map(row -> Sql.number(row, "n")).orElse(0L);
    }

    private static int offset(ActiveSessionQuery query) {
        return query.cursor() == null ? query.page().offset() : 0;
    }

    /**
     * The total is exact while the count stayed under its limit; otherwise at least the cap, and at
     * least what this page shows up to its last row.
     */
    private static Page<Session> page(ActiveSessionQuery query, List<Session> items, long counted, boolean partial) {
        int limit = query.page().limit();
        int offset = offset(query);
        boolean lowerBound = partial || counted > ActiveSessionQuery.TOTAL_CAP;
        long total = lowerBound
                ? Math.max(Math.min(counted, ActiveSessionQuery.TOTAL_CAP), (long) offset + items.size())
                : counted;
        String next = items.size() == limit
                ? new SessionCursor(items.getLast().lastActiveAt(), items.getLast().id()).encode()
                : null;
        return new Page<>(items, total, lowerBound, limit, offset, next);
    }
}
