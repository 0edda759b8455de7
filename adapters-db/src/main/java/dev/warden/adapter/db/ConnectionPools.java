package dev.warden.adapter.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to PostgreSQL: the shared pool, and single connections for LISTEN and admin work. */
final class ConnectionPools {
    private ConnectionPools() {
    }

    /** @throws DatabaseUnavailable when the server cannot be reached at start (the pool tries at once) */
    static HikariDataSource open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("warden-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("ApplicationName", "warden");
        // Strings (and the UUIDs DbClient binds as strings) go untyped, so PostgreSQL infers uuid etc.
        config.addDataSourceProperty("stringtype", "unspecified");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unavailable(settings.url(), e);
        }
    }

    /** One connection outside the pool, for work that holds it (LISTEN) or another database. */
    static Connection single(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("ApplicationName", "warden");
        properties.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw unavailable(url, e);
        }
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
