package dev.warden.bootstrap.e2e;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads single text values straight from the tables, for facts the API deliberately hides. */
final class TestPostgresText {
    private TestPostgresText() {
    }

    /** Why the session ended; null while it is open. Ended sessions live in session_history (V15). */
    static String endReason(String sessionId) {
        try (var c = TestPostgres.connection();
             var s = c.prepareStatement("SELECT end_reason FROM session_history WHERE id = ?::uuid")) {
            s.setString(1, sessionId);
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant lastActiveAt(String sessionId) {
        try (var c = TestPostgres.connection();
             var s = c.prepareStatement("SELECT last_active_at FROM sessions WHERE id = ?::uuid")) {
            s.setString(1, sessionId);
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
