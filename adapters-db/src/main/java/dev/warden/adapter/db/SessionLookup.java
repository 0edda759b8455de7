package dev.warden.adapter.db;

import dev.warden.application.port.in.AccountView;
import dev.warden.application.port.in.AuthenticatedSession;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The validation hot path's read, in plain JDBC on the validation pool, always on its own
 * connection in auto-commit. The statement ({@code session-find-open-by-token-hash}) is turned into
 * JDBC once, and the row is read straight from the ResultSet. Through DbClient, every validation parsed the named
 * statement and looked up each column's Java class by name (Class.forName) while mapping the row:
 * about a tenth of the server's CPU per validation (docs/benchmarks.md, "Where validation's time
 * goes"). The read selects only what validation answers with: no password hash, no token hash.
 */
final class SessionLookup {
    static final String STATEMENT = "session-find-open-by-token-hash";

    private final DataSource validationPool;
    private final PositionalSql findByTokenHash;

    SessionLookup(DataSource validationPool, DbStatements statements) {
        this.validationPool = validationPool;
        this.findByTokenHash = PositionalSql.of(statements.statement(STATEMENT));
    }

    Optional<AuthenticatedSession> findOpenByTokenHash(TokenHash tokenHash) {
        try (Connection connection = validationPool.getConnection();
             PreparedStatement statement = connection.prepareStatement(findByTokenHash.sql())) {
            findByTokenHash.bind(statement, Map.of("tokenHash", tokenHash.value()));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(authenticated(row, tokenHash)) : Optional.empty();
            }
        } catch (SQLException e) {
            // ConnectionFailures turns a lost connection (or no connection in time) into StoreUnavailable.
            throw new IllegalStateException("Reading the session by its token hash failed", e);
        }
    }

    private static AuthenticatedSession authenticated(ResultSet row, TokenHash tokenHash) throws SQLException {
        UserId userId = new UserId(row.getObject("user_id", UUID.class));
        String username = row.getString("username");
        Session session = new Session(
                new SessionId(row.getObject("id", UUID.class)),
                userId,
                username,
                tokenHash,
                row.getString("ip_address"),
                row.getString("user_agent"),
                instant(row, "created_at"),
                instant(row, "last_active_at"),
                instant(row, "expires_at"));
        AccountView account = new AccountView(userId, username, Role.valueOf(row.getString("role")),
                AccountStatus.valueOf(row.getString("status")), instant(row, "user_created_at"));
        return new AuthenticatedSession(session, account);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
