package dev.warden.adapter.db;

import static dev.warden.adapter.db.DatabaseAtVersion.number;
import static dev.warden.adapter.db.DatabaseAtVersion.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V17 on a database in use: a schema at V16 holding 20,000 open sessions gets the leaner indexes
 * without losing or changing a row, each index ends with its name and its new definition (also when
 * a failed earlier run left a half-built one behind), and the sessions take less room than before.
 */
class LeanSessionIndexesMigrationIT {
    private static final String DATABASE = "warden_it_upgrade_v17";
    private static final String EVERY_COLUMN = "SELECT md5(string_agg(s::text, ',' ORDER BY s.id)) FROM sessions s";
    private DatabaseAtVersion database;

    @BeforeEach
    void databaseAtV16() throws SQLException {
        database = DatabaseAtVersion.create(DATABASE, "16");
    }

    @AfterEach
    void dropIt() throws SQLException {
        database.drop();
    }

    @Test
    void givenOpenSessions_whenMigrated_thenEveryRowIsKept_andEachIndexIsLeanerUnderItsOwnName() throws SQLException {
        String before;
        long bytesBefore;
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO users (id, username, password_hash, role, status, created_at)
                    SELECT md5('u' || n)::uuid, 'user' || n, 'x', 'USER', 'ACTIVE', now() FROM generate_series(1, 2000) n""");
            statement.execute("""
                    INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at,
                                          last_active_at, expires_at)
                    SELECT md5('s' || n)::uuid, md5('u' || (n % 2000 + 1))::uuid,
                           encode(sha256(('t' || n)::bytea), 'base64'), '10.' || (n % 7) || '.' || (n % 250) || '.1',
                           'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0',
                           now() - interval '2 hours', now() - random() * interval '50 minutes', now() + interval '1 day'
                    FROM generate_series(1, 20000) n ORDER BY random()""");
            // What a run that failed half-way can leave behind: a "_v17" index that is not the one V17 builds.
            statement.execute("CREATE INDEX sessions_open_by_user_v17 ON sessions (ip_address)");
            before = text(statement, EVERY_COLUMN);
            bytesBefore = number(statement, "SELECT pg_total_relation_size('sessions')")
                    - number(statement, "SELECT pg_relation_size('sessions_open_by_user_v17')");
        }

        database.upgrade();

        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            assertEquals(20_000, number(statement, "SELECT count(*) FROM sessions"));
            assertEquals(before, text(statement, EVERY_COLUMN), "every column of every session is unchanged");
            Map<String, String> indexes = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indisvalid
                    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                    WHERE i.indrelid = CAST('sessions' AS regclass)""")) {
                while (rows.next()) {
                    assertTrue(rows.getBoolean(3), rows.getString(1) + " is valid");
                    indexes.put(rows.getString(1), rows.getString(2).replaceFirst("^.* USING ", ""));
                }
            }
            assertEquals(Map.of(
                    "sessions_pkey", "btree (id)",
                    "sessions_open_by_token_hash", "hash (token_hash) WHERE (ended_at IS NULL)",
                    "sessions_open_by_user", "btree (user_id) WHERE (ended_at IS NULL)",
                    "sessions_open_by_activity", "btree (last_active_at DESC) WHERE (ended_at IS NULL)",
                    "sessions_open_by_creation", "btree (created_at) WHERE (ended_at IS NULL)",
                    "sessions_open_by_expiry", "btree (expires_at) WHERE (ended_at IS NULL)",
                    "sessions_open_by_user_agent", "btree (user_agent_id) WHERE (ended_at IS NULL)",
                    "sessions_open_by_network",
                    "btree (warden_inet(ip_address), last_active_at DESC) WHERE (ended_at IS NULL)"), indexes);
            long bytesAfter = number(statement, "SELECT pg_total_relation_size('sessions')");
            assertTrue(bytesAfter < bytesBefore * 0.8,
                    "sessions and its indexes: " + bytesBefore + " bytes before, " + bytesAfter + " after");
        }
    }
}
