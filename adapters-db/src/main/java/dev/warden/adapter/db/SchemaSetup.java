package dev.warden.adapter.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** What DbClient cannot do at start-up: create the database and migrate it, in plain JDBC and Flyway. */
final class SchemaSetup {
    private static final String DUPLICATE_DATABASE = "42P04";

    private SchemaSetup() {
    }

    /** Brings the schema to the newest version in {@code db/migration}. */
    static void migrate(DataSource dataSource, String url) {
        try {
            FluentConfiguration configuration = Flyway.configure(SchemaSetup.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration");
            // A session-level lock, not one held by an open transaction: CREATE INDEX CONCURRENTLY
            // (V5) waits for every older transaction, and would wait for Flyway's own for ever.
            configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("Migrating the schema at " + ConnectionUrls.redact(url) + " failed: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Connects to the server's {@code postgres} database and creates the URL's database unless it exists. */
    static void createDatabaseIfMissing(String url, String user, String password) {
        String database = ConnectionUrls.databaseName(url);
        String adminUrl = ConnectionUrls.withDatabase(url, "postgres");
        try (Connection connection = ConnectionPools.single(adminUrl, user, password)) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + quoteIdentifier(database));
            } catch (SQLException e) {
                // Another process created it between our check and our CREATE: that is what we wanted.
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " at "
                    + ConnectionUrls.redact(adminUrl) + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
