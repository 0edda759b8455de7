package dev.warden.adapter.db;

import dev.warden.adapter.db.SessionPageSql.Shape;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.in.sessions.SessionSort;
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
 * One page of the Sessions page's list, with its total. The filters decide the statement's shape
 * and the sort its order ({@link SessionPageSql}), each driven by one index, so no page depends on
 * which plan PostgreSQL picks; the totals are named statements (warden-db-statements.yaml, "the
 * Sessions page"). The total is counted up to
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
            return filtered(Shape.USER, "session-count-of-user", query, window);
        }
        if (query.ipAddress() != null && !query.ipRange().isSingleAddress()) {
            return filtered(Shape.NETWORK, "session-count-in-network", query, window);
        }
        if (query.ipAddress() != null) {
            return filtered(Shape.ADDRESS, "session-count-from-ip", query, window);
        }
        if (query.q() != null) {
            return named(query, window);
        }
        List<Session> items = list(statement(Shape.ALL, query), query, window);
        return page(query, items, count(query, window(db.executor().createNamedGet("session-count-all"), window)), false);
    }

    /** One user, one address or a network drives; the other filters (and the cursor) only narrow its rows. */
    private Page<Session> filtered(Shape shape, String countStatement, ActiveSessionQuery query, ActiveWindow window) {
        List<Session> items = list(filters(statement(shape, query), query), query, window);
        return page(query, items,
                count(query, filters(window(db.executor().createNamedGet(countStatement), window), query)), false);
    }

    /**
     * By name alone: the users whose name contains q first. Up to {@link #MAX_NAMED_USERS}, the page
     * and the total come user by user. More: the page walks the sort's order filtered by name, and
     * the total counts the sessions of the first users found, so it is a lower bound.
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
        long counted = count(query, window(db.executor().createNamedGet("session-count-of-users"), window)
                .addParam("ids", ids));
        boolean common = users.size() > MAX_NAMED_USERS;
        List<Session> items;
        if (!common) {
            items = list(statement(Shape.USERS, query)
                    .addParam("ids", ids)
                    // Each user's share of the page can be the whole page (and what the offset skips).
                    .addParam("perUser", (long) query.page().limit() + offset(query)), query, window);
        } else {
            items = list(statement(Shape.NAME_CONTAINS, query).addParam("q", query.q()), query, window);
        }
        return page(query, items, counted, common);
    }

    /** The shape's statement in the query's order, continuing after its cursor if it has one. */
    private DbStatementQuery statement(Shape shape, ActiveSessionQuery query) {
        SessionCursor cursor = query.cursor();
        DbStatementQuery statement = db.executor()
                .createQuery(SessionPageSql.page(shape, query.sort(), query.order(), cursor != null));
        if (cursor == null) {
            return statement;
        }
        return statement
                .addParam("cursorKey", query.sort().keyType() == SessionSort.KeyType.INSTANT
                        ? Sql.time(cursor.instantKey()) : cursor.key())
                .addParam("cursorId", cursor.id().value());
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

    private static <D extends DbStatement<D>> D filters(D statement, ActiveSessionQuery query) {
        return statement
                .addParam("userId", query.userId() == null ? null : query.userId().value())
                .addParam("ipAddress", query.ipAddress())
                .addParam("network", query.ipAddress())
                .addParam("q", query.q());
    }

    /** Runs a page statement in the active window with the page's limit and offset. */
    private static List<Session> list(DbStatementQuery statement, ActiveSessionQuery query, ActiveWindow window) {
        try (Stream<DbRow> rows = window(statement, window)
                .addParam("limit", query.page().limit())
                .addParam("offset", offset(query))
                .execute()) {
            return rows.map(DbClientSessionStore::session).toList();
        }
    }

    /** The capped total; not run for a page that asked for none (0 then, and {@link #page} says "at least"). */
    private static long count(ActiveSessionQuery query, DbStatementGet statement) {
        if (!query.page().counted()) {
            return 0;
        }
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
        String next = items.size() == limit ? query.cursorAfter(items.getLast()).encode() : null;
        if (!query.page().counted()) {
            return Page.uncounted(items, limit, offset, next);
        }
        return new Page<>(items, total, lowerBound, limit, offset, next);
    }
}
