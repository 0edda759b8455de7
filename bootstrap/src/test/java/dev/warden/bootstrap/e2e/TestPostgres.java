package dev.warden.bootstrap.e2e;

import dev.warden.adapter.db.WardenDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the end-to-end tests run against: WARDEN_TEST_DB_URL when set; else a
 * Testcontainers PostgreSQL when a Docker engine is available; else the local server's
 * {@code warden_e2e} database (created when missing). Unreachable means failed, never skipped.
 */
final class TestPostgres {
    private static String url;
    private static String user;
    private static String password;

    private TestPostgres() {
    }

    static synchronized String url() {
        if (url == null) {
            locate();
        }
        return url;
    }

    static String user() {
        url();
        return user;
    }

    static String password() {
        url();
        return password;
    }

    private static void locate() {
        String configured = System.getenv("WARDEN_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            url = configured;
            user = envOr("WARDEN_TEST_DB_USER", "postgres");
            password = envOr("WARDEN_TEST_DB_PASSWORD", "");
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            url = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
        } else {
            url = "jdbc:postgresql://127.0.0.1:5432/warden_e2e";
            user = "postgres";
            password = "";
        }
        try {
            WardenDatabase.createDatabaseIfMissing(url, user, password);
        } catch (RuntimeException e) {
            throw new AssertionError("The end-to-end tests need PostgreSQL (" + e.getMessage()
                    + "). Start it on 127.0.0.1:5432 or set WARDEN_TEST_DB_URL.", e);
        }
    }

    /**
     * Empties every table (if the schema exists yet), so a started Warden begins from nothing. TRUNCATE
     * waits for every other session's lock on the tables: a transaction some earlier test left open
     * would make it wait for good, so it gives up after 30 s and names who held on.
     */
    static void reset() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '30s'");
            s.execute("DO $$ BEGIN IF to_regclass('public.users') IS NOT NULL THEN "
                    + "TRUNCATE sessions, audit_entries, alarms, outbox, users RESTART IDENTITY CASCADE; END IF; "
                    + "IF to_regclass('public.login_throttle_windows') IS NOT NULL THEN "
                    + "TRUNCATE login_throttle_windows; END IF; "
                    + "IF to_regclass('public.session_history') IS NOT NULL THEN TRUNCATE session_history; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the test database (" + e.getMessage()
                    + "); other sessions: " + otherSessions(), e);
        }
    }

    /** Who else is connected to the test database, and what each is doing (for a reset that waited). */
    private static String otherSessions() {
        try (Connection c = connection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT pid, state, now() - xact_start AS in_transaction, left(query, 120) "
                     + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            StringBuilder sessions = new StringBuilder();
            while (rows.next()) {
                sessions.append("\n  pid ").append(rows.getInt(1)).append(' ').append(rows.getString(2))
                        .append(", in a transaction for ").append(rows.getString(3)).append(": ").append(rows.getString(4));
            }
            return sessions.length() == 0 ? "none" : sessions.toString();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static void execute(String sql) {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long queryLong(String sql) {
        try (Connection c = connection(); Statement s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user());
        p.setProperty("password", password());
        return DriverManager.getConnection(url(), p);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
