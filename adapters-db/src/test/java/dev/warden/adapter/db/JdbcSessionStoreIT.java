package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SessionStoreContract;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JdbcSessionStoreIT extends SessionStoreContract {
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    /** SKIP LOCKED between connections: the in-memory stores run one transaction at a time instead. */
    @Test
    void givenOneSweeperHoldsExpiredRows_whenAnotherSweeps_thenItSkipsThemAndTakesTheRest() throws Exception {
        for (int i = 0; i < 4; i++) {
            sessions.insert(aSession(alice).lastActiveAt(NOW.minus(Duration.ofHours(2)).plusSeconds(i)).build());
        }
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<Session>> first = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
            List<Session> locked = sessions.lockExpired(WINDOW, 2);
            firstLocked.countDown();
            Latches.await(secondDone);
            return locked;
        }));
        assertTrue(firstLocked.await(5, TimeUnit.SECONDS));

        List<Session> second = transactions.inTransaction(() -> sessions.lockExpired(WINDOW, 10));
        secondDone.countDown();

        Set<SessionId> firstIds = new HashSet<>(first.get(5, TimeUnit.SECONDS).stream().map(Session::id).toList());
        Set<SessionId> secondIds = new HashSet<>(second.stream().map(Session::id).toList());
        assertEquals(2, firstIds.size());
        assertEquals(2, secondIds.size());
        assertFalse(firstIds.stream().anyMatch(secondIds::contains));
    }

    @Test
    void givenEndedSession_whenEnded_thenTheRowStaysAsHistoryWithReasonAndActor() throws SQLException {
        Session session = aSession(alice).build();
        sessions.insert(session);

        sessions.markEnded(session.id(), TerminationReason.ADMIN_TERMINATED, bob.id(), NOW);

        try (Connection connection = TestDatabase.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT end_reason, ended_by, ended_at FROM sessions WHERE id = ?")) {
            query.setObject(1, session.id().value());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals("ADMIN_TERMINATED", row.getString(1));
                assertEquals(bob.id().value(), row.getObject(2));
                assertEquals(NOW, row.getObject(3, java.time.OffsetDateTime.class).toInstant());
            }
        }
    }

    @Test
    void givenTwentyThousandSessions_whenListingActive_thenThePlanUsesAnIndexNotASeqScan() throws SQLException {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO users (id, username, password_hash, role, status, created_at)
                    SELECT gen_random_uuid(), 'user' || n, 'x', 'USER', 'ACTIVE', now() FROM generate_series(1, 200) n""");
            // Mostly history, as in production: ended rows far outnumber open ones.
            statement.execute("""
                    INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at,
                                          last_active_at, expires_at, ended_at, end_reason)
                    SELECT gen_random_uuid(), u.id, md5(random()::text) || n, '10.0.' || (n % 250) || '.1', 'ua',
                           now() - interval '2 hours', now() - (n % 3600) * interval '1 second', now() + interval '1 day',
                           CASE WHEN n % 10 <> 0 THEN now() END, CASE WHEN n % 10 <> 0 THEN 'USER_LOGOUT' END
                    FROM generate_series(1, 20000) n
                    JOIN LATERAL (SELECT id FROM users ORDER BY id OFFSET (n % 200) LIMIT 1) u ON true""");
            statement.execute("ANALYZE users");
            statement.execute("ANALYZE sessions");

            // The rows above are timed from the server's clock, so the window is too.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String plan = explain(connection, SqlStatements.load().statement("session-list-active"), Map.of(
                    "now", now.atOffset(ZoneOffset.UTC), "lastActiveAfter", now.minusSeconds(3600).atOffset(ZoneOffset.UTC),
                    "limit", 50, "offset", 0));

            assertFalse(plan.contains("Seq Scan on sessions"), plan);
            assertTrue(Pattern.compile("Index (Only )?Scan.* on sessions").matcher(plan).find(), plan);
        }
    }

    /** EXPLAINs a named statement, binding the given parameters and null for the rest. */
    private static String explain(Connection connection, String sql, Map<String, Object> values) throws SQLException {
        Matcher matcher = NAMED_PARAMETER.matcher(sql);
        List<String> names = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + jdbc)) {
            for (int i = 0; i < names.size(); i++) {
                explain.setObject(i + 1, values.get(names.get(i)));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
