package dev.warden.application.archviolation;

import java.sql.Connection;
import java.sql.SQLException;

/** Fixture: breaks the application rules by talking JDBC itself. */
public class UseCaseOpeningJdbcConnections {
    public void run(Connection connection) throws SQLException {
        connection.commit();
    }
}
