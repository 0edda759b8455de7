package dev.warden.adapter.db;

import dev.warden.application.port.in.SortOrder;
import dev.warden.application.port.in.sessions.SessionSort;

/**
 * The Sessions page's statements: one per filter shape, ordered by one sort in one direction,
 * with or without a cursor. Active = open, before absolute expiry, active after the idle cut-off.
 *
 * <p>Each shape is driven by one index whatever plan PostgreSQL picks (pgjdbc prepares a statement
 * server-side from its 5th use on a connection, and PostgreSQL may then keep a generic plan): the
 * catch-all "CAST(:x AS t) IS NULL OR ..." filters appear only beside a selective driving condition
 * (one user, one address, a network, a list of users), never alone. Without a filter the sort's own
 * index drives the walk (V1, V5, V8, V9, V17): {@code sessions_open_by_activity}, {@code
 * sessions_open_by_creation}, {@code sessions_open_by_expiry}, {@code users_username_lower_key}
 * then {@code sessions_open_by_user}, {@code sessions_open_by_network}; a forward or backward scan
 * for ascending or descending. Ties on the key are broken by the id in the same direction, so a
 * cursor is a row comparison, and the key alone is repeated as a bound the index can start from
 * (the row comparison spans two columns the index does not hold together). EXPLAIN ANALYZE of
 * every shape and sort at 1,000,000 sessions: bench/admin-list.sh (public for its SessionPageSqlText).
 */
public final class SessionPageSql {
    /** Which filter drives the statement. */
    public enum Shape {
        /** No filter: the sort's index. */
        ALL,
        /** One user (sessions_open_by_user), optionally also by network and name. */
        USER,
        /** One exact address (sessions_open_by_network, an equality on its address), optionally also by name. */
        ADDRESS,
        /** A network (sessions_open_by_network), optionally also by user and name. */
        NETWORK,
        /** The sessions of a list of users (:ids), each read from sessions_open_by_user, then merged. */
        USERS,
        /** A common name fragment: the sort's walk, filtered by name (strpos: no index can drive it). */
        NAME_CONTAINS
    }

    /** A session's columns, its user agent from user_agents (V16) where it is kept once. */
    private static final String COLUMNS = "s.id, s.user_id, s.token_hash, s.ip_address,"
            + " COALESCE(a.user_agent, s.user_agent) AS user_agent, s.created_at, s.last_active_at, s.expires_at";
    private static final String USER_AGENT = " LEFT JOIN user_agents a ON a.id = s.user_agent_id";
    /** The same columns as the USERS shape's per-user subquery returns them (user agent resolved). */
    private static final String SUBQUERY_COLUMNS = "s.id, s.user_id, s.token_hash, s.ip_address, s.user_agent,"
            + " s.created_at, s.last_active_at, s.expires_at";
    private static final String ACTIVE =
            "s.ended_at IS NULL AND s.expires_at > :now AND s.last_active_at > :lastActiveAfter";
    private static final String NAME_FILTER =
            " AND (CAST(:q AS text) IS NULL OR strpos(lower(u.username), lower(CAST(:q AS text))) > 0)";
    private static final String NETWORK_FILTER = " AND (CAST(:network AS cidr) IS NULL"
            + " OR warden_inet(s.ip_address) <<= CAST(:network AS cidr))";
    /**
     * The range as btree bounds on warden_inet, not as "<<= :range": the planner turns "<<=" into
     * index bounds only for a constant, so a generic plan would scan. The "<<=" stays as the exact test.
     */
    private static final String IN_NETWORK =
            " AND warden_inet(s.ip_address) >= CAST(host(CAST(:network AS cidr)) AS inet)"
            + " AND warden_inet(s.ip_address) <= CAST(host(broadcast(CAST(:network AS cidr))) AS inet)"
            + " AND warden_inet(s.ip_address) <<= CAST(:network AS cidr)";

    /**
     * One exact address: the address as inet drives sessions_open_by_network (V17), the text as
     * recorded stays the exact test (so "::1" and "0::1" stay apart, as they always were).
     */
    private static final String AT_ADDRESS = " AND warden_inet(s.ip_address) = warden_inet(CAST(:ipAddress AS text))"
            + " AND s.ip_address = CAST(:ipAddress AS text)";

    private SessionPageSql() {
    }

    /**
     * The page statement. Parameters: :now, :lastActiveAfter, :limit, :offset; with a cursor
     * :cursorKey and :cursorId; per shape :userId, :ipAddress, :network, :q, or :ids and :perUser.
     */
    public static String page(Shape shape, SessionSort sort, SortOrder order, boolean withCursor) {
        String keyset = withCursor ? keyset(sort, order) : "";
        String orderBy = " ORDER BY " + key(sort) + direction(order) + ", s.id" + direction(order);
        if (shape == Shape.USERS) {
            // LATERAL: each user's first rows in this order from sessions_open_by_user, so no plan
            // can turn it into a scan of every session; :perUser is the page plus what the offset skips.
            return "SELECT " + SUBQUERY_COLUMNS + ", u.username FROM unnest(CAST(:ids AS uuid[])) AS m (user_id)"
                    + " JOIN users u ON u.id = m.user_id"
                    + " CROSS JOIN LATERAL (SELECT " + COLUMNS + " FROM sessions s" + USER_AGENT
                    + " WHERE s.user_id = u.id AND " + ACTIVE + keyset + orderBy + " LIMIT :perUser) s"
                    + orderBy + " LIMIT :limit OFFSET :offset";
        }
        return "SELECT " + COLUMNS + ", u.username FROM sessions s JOIN users u ON u.id = s.user_id" + USER_AGENT
                + " WHERE " + ACTIVE + filter(shape) + keyset + orderBy + " LIMIT :limit OFFSET :offset";
    }

    private static String filter(Shape shape) {
        return switch (shape) {
            case ALL, USERS -> "";
            case USER -> " AND s.user_id = :userId" + NETWORK_FILTER + NAME_FILTER;
            case ADDRESS -> AT_ADDRESS + NAME_FILTER;
            case NETWORK -> IN_NETWORK + " AND (CAST(:userId AS uuid) IS NULL OR s.user_id = CAST(:userId AS uuid))"
                    + NAME_FILTER;
            case NAME_CONTAINS -> " AND strpos(lower(u.username), lower(CAST(:q AS text))) > 0";
        };
    }

    /** The sort's key as the statement compares it (usernames case-insensitively, addresses as inet). */
    private static String key(SessionSort sort) {
        return switch (sort) {
            case LAST_ACTIVE_AT -> "s.last_active_at";
            case CREATED_AT -> "s.created_at";
            case EXPIRES_AT -> "s.expires_at";
            case USERNAME -> "lower(u.username)";
            case IP_ADDRESS -> "warden_inet(s.ip_address)";
        };
    }

    /** The cursor's key, compared the way {@link #key} compares a row's. */
    private static String cursorKey(SessionSort sort) {
        return switch (sort) {
            case LAST_ACTIVE_AT, CREATED_AT, EXPIRES_AT -> "CAST(:cursorKey AS timestamptz)";
            case USERNAME -> "lower(CAST(:cursorKey AS text))";
            case IP_ADDRESS -> "warden_inet(CAST(:cursorKey AS text))";
        };
    }

    /** Strictly after the cursor's (key, id) in this order. */
    private static String keyset(SessionSort sort, SortOrder order) {
        String after = order == SortOrder.ASC ? ">" : "<";
        String bound = order == SortOrder.ASC ? ">=" : "<=";
        return " AND " + key(sort) + " " + bound + " " + cursorKey(sort)
                + " AND (" + key(sort) + ", s.id) " + after + " (" + cursorKey(sort) + ", CAST(:cursorId AS uuid))";
    }

    private static String direction(SortOrder order) {
        return order == SortOrder.ASC ? " ASC" : " DESC";
    }
}
