package dev.warden.adapter.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens connections to PostgreSQL: the two pools (work and validation), and single connections for
 * LISTEN and admin work. Every connection has the same time limits, all derived from the connect
 * timeout: the TCP connect and the login (pgjdbc, whole seconds), the wait for a pooled connection
 * (HikariCP), and keepalive probes that notice a server gone silent ({@link KeepAliveSocketFactory}).
 * The validation pool also limits every read to the connect timeout: its statements are single
 * indexed reads, so a longer wait means the database is in trouble, and validation must not stall.
 * The work pool's reads are limited too, but only as a backstop against a server that accepts and
 * then hangs: its slowest legitimate statement (a deep offset page over a million sessions) takes
 * a few seconds.
 */
final class ConnectionPools {
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WORK_READ_LIMIT = Duration.ofSeconds(30);

    private ConnectionPools() {
    }

    /** How PostgreSQL plans a connection's prepared statements (plan_cache_mode). */
    enum Plans {
        /** force_custom_plan: planned anew with each execution's values. */
        ALWAYS_CUSTOM,
        /** PostgreSQL's default (auto): a generic plan is kept once it is as good as the custom ones. */
        CACHED
    }

    /** The pool for everything but session validation. */
    static HikariDataSource openWork(DatabaseSettings settings) {
        return open(settings, "warden-db", settings.poolSize(), Math.min(2, settings.poolSize()),
                max(WORK_READ_LIMIT, settings.connectTimeout()), Plans.ALWAYS_CUSTOM);
    }

    /**
     * The validation hot path's own pool, kept full so that a validation never waits for a connect.
     * Its statements (the token lookup, the activity write, {@code SELECT 1}) each have one good plan,
     * a unique-index probe, so they keep PostgreSQL's cached plans: replanning every validation
     * tripled PostgreSQL's CPU per lookup (docs/decisions.md, "Sessions page and validation").
     */
    static HikariDataSource openValidation(DatabaseSettings settings) {
        int size = settings.validationPoolSize();
        return open(settings, "warden-db-validation", size, size, settings.connectTimeout(), Plans.CACHED);
    }

    /**
     * A short-lived pool for Flyway, which wants two connections at once (one holds its lock): the
     * migration then works with any pool size, and holds no connection of the service's pools.
     */
    static HikariDataSource openMigration(DatabaseSettings settings) {
        return open(settings, "warden-db-migration", 2, 0, null, Plans.CACHED);
    }

    /**
     * @param readLimit the longest a read may wait for the server; null for none (migrations)
     * @throws DatabaseUnavailable when the server cannot be reached at start (the pool tries at once)
     */
    private static HikariDataSource open(DatabaseSettings settings, String name, int size, int minimumIdle,
                                         Duration readLimit, Plans plans) {
        long timeoutMillis = settings.connectTimeout().toMillis();
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minimumIdle);
        config.setConnectionTimeout(timeoutMillis);
        // Checking an idle connection before handing it out must fit in the wait as well.
        config.setValidationTimeout(Math.max(DatabaseSettings.MIN_CONNECT_TIMEOUT.toMillis(), timeoutMillis / 2));
        driverProperties(settings.connectTimeout()).forEach((key, value) -> config.addDataSourceProperty((String) key, value));
        // Strings (and the UUIDs DbClient binds as strings) go untyped, so PostgreSQL infers uuid etc.
        config.addDataSourceProperty("stringtype", "unspecified");
        if (plans == Plans.ALWAYS_CUSTOM) {
            // Statements with catch-all filters ("CAST(:x AS ...) IS NULL OR ...", the sweeper's OR)
            // can get a generic plan that walks every session (docs/benchmarks.md): plan each execution
            // with the values at hand, so no statement's speed depends on PostgreSQL's plan choice.
            config.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        }
        if (readLimit != null) {
            config.addDataSourceProperty("socketTimeout", String.valueOf(wholeSeconds(readLimit)));
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unavailable(settings.url(), e);
        }
    }

    /** One connection outside the pools, for work that holds it (LISTEN). */
    static Connection single(DatabaseSettings settings) {
        return single(settings.url(), settings.user(), settings.password(), settings.connectTimeout());
    }

    /** One connection to another database of the server (creating the service's own). */
    static Connection single(String url, String user, String password) {
        return single(url, user, password, DEFAULT_CONNECT_TIMEOUT);
    }

    private static Connection single(String url, String user, String password, Duration connectTimeout) {
        Properties properties = driverProperties(connectTimeout);
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw unavailable(url, e);
        }
    }

    /** What pgjdbc is told about time limits and sockets; the URL's own parameters still apply over these. */
    private static Properties driverProperties(Duration connectTimeout) {
        int seconds = wholeSeconds(connectTimeout);
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "warden");
        properties.setProperty("connectTimeout", String.valueOf(seconds));
        properties.setProperty("loginTimeout", String.valueOf(seconds));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("socketFactory", KeepAliveSocketFactory.class.getName());
        properties.setProperty("socketFactoryArg", KeepAliveSocketFactory.spec(seconds));
        return properties;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** pgjdbc counts its timeouts in whole seconds; round up, so the limit is never shorter than asked. */
    static int wholeSeconds(Duration duration) {
        long millis = duration.toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    static DatabaseUnavailable unavailable(String url, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new DatabaseUnavailable("Cannot connect to PostgreSQL at " + ConnectionUrls.redact(url) + ": "
                + reason.lines().findFirst().orElse("").strip(), error);
    }
}
