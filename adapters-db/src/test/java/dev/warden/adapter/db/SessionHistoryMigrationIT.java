package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V15 on a database in use: a schema at V14 holding open sessions, 40 days of ended ones (and some
 * older than any day partition) and audit entries moves to the open-only `sessions` and the
 * day-partitioned `session_history` without losing or changing a row, and Warden works on it.
 */
class SessionHistoryMigrationIT {
    private static final String DATABASE = "warden_it_upgrade_v15";
    /** Every column of a session, as text, in a fixed order: equal fingerprints mean equal rows. */
    private static final String FINGERPRINT = "SELECT count(*), md5(string_agg(concat_ws('|', id, user_id, token_hash,"
            + " ip_address, user_agent, created_at, last_active_at, expires_at, ended_at, end_reason, ended_by,"
            + " reauthenticated_at), ',' ORDER BY id)) FROM ";
    /** Open sessions as Warden reads them: since V16 a row keeps its user agent in user_agents. */
    private static final String SESSIONS_AS_READ = "(SELECT s.*, COALESCE(a.user_agent, s.recorded) AS user_agent"
            + " FROM (SELECT id, user_id, token_hash, ip_address, created_at, last_active_at, expires_at, ended_at,"
            + " end_reason, ended_by, reauthenticated_at, user_agent_id, user_agent AS recorded FROM sessions) s"
            + " LEFT JOIN user_agents a ON a.id = s.user_agent_id) sessions";
    private DatabaseAtVersion database;

    @BeforeEach
    void databaseAtV14() throws SQLException {
        database = DatabaseAtVersion.create(DATABASE, "14");
    }

    @AfterEach
    void dropIt() throws SQLException {
        database.drop();
    }

    @Test
    void givenOpenAndEndedSessionsAndAudit_whenMigrated_thenEveryRowIsWhereItBelongs_andWardenWorksOnIt()
            throws SQLException {
        String open;
        String ended;
        String audit;
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO users (id, username, password_hash, role, status, created_at)
                    SELECT md5('u' || n)::uuid, 'user' || n, 'x', 'USER', 'ACTIVE', now() FROM generate_series(1, 100) n""");
            // 25,000 sessions: every fifth open; the others ended over the last 40 days (one in 50
            // of them 500 days ago, older than any day: the default partition), some by an admin,
            // some re-authenticated. More than two batches of the move (10,000).
            statement.execute("""
                    INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at,
                                          last_active_at, expires_at, ended_at, end_reason, ended_by,
                                          reauthenticated_at)
                    SELECT gen_random_uuid(), md5('u' || (n % 100 + 1))::uuid, lpad(n::text, 43, 'a'), '10.0.' || (n % 250) || '.1',
                           'ua ' || n, now() - interval '600 days', now() - interval '1 minute', now() + interval '1 day',
                           e.at, CASE WHEN e.at IS NOT NULL THEN 'ADMIN_TERMINATED' END,
                           CASE WHEN e.at IS NOT NULL AND n % 3 = 0 THEN md5('u1')::uuid END,
                           CASE WHEN n % 7 = 0 THEN now() - interval '2 minutes' END
                    FROM generate_series(1, 25000) n
                    CROSS JOIN LATERAL (SELECT CASE WHEN n % 5 = 0 THEN NULL
                                                    WHEN n % 50 = 1 THEN now() - interval '500 days'
                                                    ELSE now() - (n % 40) * interval '1 day' - (n % 1440) * interval '1 minute'
                                               END AS at) e""");
            statement.execute("""
                    INSERT INTO audit_entries (id, type, occurred_at, user_id, username, session_id)
                    SELECT gen_random_uuid(), 'LOGOUT', now() - (n % 40) * interval '1 day', md5('u1')::uuid, 'user1',
                           gen_random_uuid() FROM generate_series(1, 5000) n""");
            open = text(statement, FINGERPRINT + "sessions WHERE ended_at IS NULL");
            ended = text(statement, FINGERPRINT + "sessions WHERE ended_at IS NOT NULL");
            audit = text(statement, "SELECT count(*), md5(string_agg(concat_ws('|', seq, id, type, occurred_at),"
                    + " ',' ORDER BY seq)) FROM audit_entries");
            assertTrue(open.startsWith("5000|"), open);
            assertTrue(ended.startsWith("20000|"), ended);
        }

        try (WardenDatabase warden = WardenDatabase.connect(database.connectionSettings())) {
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                assertEquals(open, text(statement, FINGERPRINT + SESSIONS_AS_READ), "open sessions untouched");
                assertEquals(0, DatabaseAtVersion.number(statement, "SELECT count(*) FROM sessions WHERE user_agent <> ''"),
                        "every open session's user agent kept once in user_agents (V16)");
                assertEquals(ended, text(statement, FINGERPRINT + "session_history"), "every ended one moved, unchanged");
                assertEquals(audit, text(statement, "SELECT count(*), md5(string_agg(concat_ws('|', seq, id, type,"
                        + " occurred_at), ',' ORDER BY seq)) FROM audit_entries"), "the audit untouched");
                assertEquals(500, DatabaseAtVersion.number(statement, "SELECT count(*) FROM session_history_default"),
                        "the 500-day-old ends, older than the oldest day");
                assertEquals(0, DatabaseAtVersion.number(statement, "SELECT count(*) FROM ONLY session_history"));
                long days = DatabaseAtVersion.number(statement, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'session_history'::regclass"
                        + " AND inhrelid <> 'session_history_default'::regclass");
                assertEquals(408, days, "a day from the oldest end, at most 400 days back, to a week ahead");
                assertEquals(0, DatabaseAtVersion.number(statement, """
                        SELECT count(*) FROM session_history h JOIN pg_class c ON c.oid = h.tableoid
                        WHERE c.relname <> 'session_history_default'
                          AND c.relname <> 'session_history_' || to_char(h.ended_at AT TIME ZONE 'UTC', 'YYYYMMDD')"""),
                        "each ended session in the partition of its UTC day");
                assertEquals(0, DatabaseAtVersion.number(statement, "SELECT count(*) FROM pg_class WHERE relname = 'sessions_ended_by_time'"));
                assertEquals(0, DatabaseAtVersion.number(statement, """
                        SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                        WHERE c.relname IN ('sessions', 'session_history_default') AND NOT i.indisvalid"""));
            }

            // Validation finds an open session; an end moves it to today's partition; retention drops days.
            var found = warden.sessionStore().findOpenByTokenHash(new TokenHash("a".repeat(42) + "5"));
            assertTrue(found.isPresent(), "validation reads the migrated sessions");
            SessionId id = found.get().session().id();
            UserId owner = found.get().account().id();
            warden.transactions().inTransaction(() -> {
                assertTrue(warden.sessionStore().lockOpenById(id).isPresent());
                warden.sessionStore().markEnded(id, TerminationReason.USER_LOGOUT,
                        owner, Instant.now());
                return null;
            });
            assertTrue(warden.sessionStore().findOpenByTokenHash(new TokenHash("a".repeat(42) + "5")).isEmpty());
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                assertEquals(4_999, DatabaseAtVersion.number(statement, "SELECT count(*) FROM sessions"));
                assertEquals(1, DatabaseAtVersion.number(statement, "SELECT count(*) FROM session_history WHERE id = '" + id.value()
                        + "' AND tableoid <> 'session_history_default'::regclass"));
            }
            int dropped = 0;
            var days = warden.historyRetention();
            for (var day = days.dropOldestEndedSessionDay(Instant.now().minus(Duration.ofDays(30)));
                 day.isPresent(); day = days.dropOldestEndedSessionDay(Instant.now().minus(Duration.ofDays(30)))) {
                dropped += day.getAsInt();
            }
            assertTrue(dropped > 0, "days wholly older than 30 days were dropped whole");
            assertEquals(500, warden.historyRetention().deleteEndedSessionsBefore(Instant.now().minus(Duration.ofDays(30)), 1000));
        }
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1) + "|" + rows.getString(2);
        }
    }
}
