package dev.warden.adapter.db;

import dev.warden.application.contract.Ports;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the integration tests run against, shared by all of them: WARDEN_TEST_DB_URL
 * when set; else a Testcontainers PostgreSQL when Docker is available; else the local server's
 * {@code warden_it_db} (created if missing). An unreachable server fails the tests, it never skips them.
 */
final class TestDatabase {
    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/warden_it_db";
    /** Short, so a test sees a silent relay lose its lease in seconds (production: 30 s). */
    static final Duration RELAY_LEASE_TIMEOUT = Duration.ofSeconds(5);
    private static DatabaseSettings settings;
    private static WardenDatabase database;

    private TestDatabase() {
    }

    static synchronized WardenDatabase get() {
        if (database == null) {
            settings = settings();
            try {
                WardenDatabase.createDatabaseIfMissing(settings.url(), settings.user(), settings.password());
                database = WardenDatabase.connect(settings, RELAY_LEASE_TIMEOUT);
            } catch (RuntimeException e) {
                throw new AssertionError("The integration tests need PostgreSQL (" + e.getMessage()
                        + "). Start it on 127.0.0.1:5432 or set WARDEN_TEST_DB_URL.", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return database;
    }

    /** A second, independent connection to the same database: another Warden instance. */
    static WardenDatabase anotherInstance() {
        get();
        return WardenDatabase.connect(settings, RELAY_LEASE_TIMEOUT);
    }

    /** The same database with other pool limits, for an instance of a test's own. */
    static DatabaseSettings settings(int poolSize, java.time.Duration connectTimeout) {
        get();
        return new DatabaseSettings(settings.url(), settings.user(), settings.password(), poolSize, connectTimeout);
    }

    /** Empties every table and gives the adapters over it: what a port contract runs against. */
    static Ports freshPorts() {
        reset();
        return ports(get());
    }

    /** The adapters of one instance, all sharing its transaction boundary. */
    static Ports ports(WardenDatabase database) {
        return new Ports(database.sessionStore(), database.userAccounts(), database.auditTrail(),
                database.eventOutbox(), database.alarmStore(), database.transactions(), database.outboxQueue(),
                database.knownDevices(), database.loginThrottle(), database.operationalCounts(),
                database.receiverClients(), database.ssfStreams());
    }

    /** Empties every table, so each test starts from nothing. */
    static void reset() {
        get();
        execute("TRUNCATE sessions, audit_entries, alarms, outbox, users RESTART IDENTITY CASCADE");
        execute("TRUNCATE login_throttle_windows");
        execute("TRUNCATE ssf_risk_changes");
        execute("TRUNCATE session_history");
        execute("TRUNCATE user_agents RESTART IDENTITY");
    }

    static void execute(String sql) {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain JDBC connection, for checks the ports do not offer (row counts, EXPLAIN). */
    static Connection connection() throws SQLException {
        get();
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("stringtype", "unspecified");
        return DriverManager.getConnection(settings.url(), properties);
    }

    static long count(String table) {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DatabaseSettings settings() {
        String url = System.getenv("WARDEN_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return DatabaseSettings.of(url, env("WARDEN_TEST_DB_USER", "postgres"), env("WARDEN_TEST_DB_PASSWORD", ""));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return DatabaseSettings.of(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return DatabaseSettings.of(LOCAL_URL, "postgres", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
