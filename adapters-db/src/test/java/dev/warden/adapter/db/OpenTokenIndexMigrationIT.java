package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V11 (and V17 after it) on a database in use: a schema at V10 holding open and ended sessions moves
 * to the open-only token index without losing a row, and validation's lookup reads the new index.
 */
class OpenTokenIndexMigrationIT {
    private static final String DATABASE = "warden_it_upgrade_v11";
    private DatabaseAtVersion database;

    @BeforeEach
    void databaseAtV10() throws SQLException {
        database = DatabaseAtVersion.create(DATABASE, "10");
    }

    @AfterEach
    void dropIt() throws SQLException {
        database.drop();
    }

    @Test
    void givenOpenAndEndedSessions_whenMigrated_thenNoneIsLost_andTheLookupReadsTheOpenOnlyIndex() throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO users (id, username, password_hash, role, status, created_at)
                    SELECT md5('u' || n)::uuid, 'user' || n, 'x', 'USER', 'ACTIVE', now() FROM generate_series(1, 100) n""");
            // 2,000 open and 8,000 ended sessions.
            statement.execute("""
                    INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at,
                                          last_active_at, expires_at, ended_at, end_reason)
                    SELECT gen_random_uuid(), md5('u' || (n % 100 + 1))::uuid, 'token-' || n, '10.0.0.1', 'ua',
                           now() - interval '2 hours', now() - interval '1 minute', now() + interval '1 day',
                           CASE WHEN n % 5 <> 0 THEN now() END, CASE WHEN n % 5 <> 0 THEN 'USER_LOGOUT' END
                    FROM generate_series(1, 10000) n""");
        }

        database.upgrade();

        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            assertEquals(2_000, single(statement, "SELECT count(*) FROM sessions WHERE ended_at IS NULL"));
            // Ended ones live in session_history since V15 (SessionHistoryMigrationIT).
            assertEquals(8_000, single(statement, "SELECT count(*) FROM session_history"));
            // A hash index over open sessions since V17 (uniqueness: SessionLookupIT, fail closed).
            assertEquals(1, single(statement, """
                    SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                    WHERE c.relname = 'sessions_open_by_token_hash' AND i.indisvalid AND a.amname = 'hash'
                      AND pg_get_expr(i.indpred, i.indrelid) = '(ended_at IS NULL)'"""));
            assertEquals(0, single(statement,
                    "SELECT count(*) FROM pg_constraint WHERE conname = 'sessions_token_hash_key'"));
            statement.execute("ANALYZE sessions");
            String plan = text(statement, "EXPLAIN " + SqlStatements.load().statement("session-find-open-by-token-hashes")
                    .replace(":tokenHashes", "'{token-5,token-10}'"));
            assertTrue(plan.contains("sessions_open_by_token_hash"), plan);
            assertFalse(plan.contains("Seq Scan on sessions"), plan);
            // An ended session's hash blocks nothing.
            statement.execute(duplicateOf("token-1"));
            assertEquals(1, single(statement, "SELECT count(*) FROM sessions WHERE token_hash = 'token-1'"));
        }
    }

    /** A new open session with the token hash of an existing one. */
    private static String duplicateOf(String tokenHash) {
        return "INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at,"
                + " expires_at) VALUES (gen_random_uuid(), md5('u1')::uuid, '" + tokenHash + "', '10.0.0.2', 'ua',"
                + " now(), now(), now() + interval '1 day')";
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String text(Statement statement, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.append(rows.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
