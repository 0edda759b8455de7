package dev.warden.adapter.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own, migrated up to one version, for a migration test to populate as an older
 * Warden would have left it and then upgrade ({@link SchemaSetup#migrate}). Dropped by {@link #drop}.
 */
final class DatabaseAtVersion {
    final String name;
    final String url;
    final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private DatabaseAtVersion(String name, String url) {
        this.name = name;
        this.url = url;
    }

    static DatabaseAtVersion create(String name, String version) throws SQLException {
        TestDatabase.get();
        DatabaseSettings settings = settings();
        DatabaseAtVersion database = new DatabaseAtVersion(name, ConnectionUrls.withDatabase(settings.url(), name));
        database.drop();
        TestDatabase.execute("CREATE DATABASE " + name);
        database.dataSource.setUrl(database.url);
        database.dataSource.setUser(settings.user());
        database.dataSource.setPassword(settings.password());
        var configuration = Flyway.configure().dataSource(database.dataSource).locations("classpath:db/migration")
                .target(version);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration.load().migrate();
        return database;
    }

    /** The settings to connect to it (two connections, a ten-second wait). */
    DatabaseSettings connectionSettings() {
        DatabaseSettings settings = settings();
        return new DatabaseSettings(url, settings.user(), settings.password(), 2, settings.connectTimeout());
    }

    /** Every migration after the version it was created at, as Warden's start applies them. */
    void upgrade() {
        SchemaSetup.migrate(dataSource, url);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    void drop() throws SQLException {
        try (Connection admin = TestDatabase.connection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The first column of a query's first row, as a number. */
    static long number(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of a query's first row, as text. */
    static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static DatabaseSettings settings() {
        return TestDatabase.settings(2, Duration.ofSeconds(10));
    }
}
