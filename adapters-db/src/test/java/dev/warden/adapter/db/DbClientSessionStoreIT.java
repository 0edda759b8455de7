package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.aTokenHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SessionStoreContract;
import dev.warden.application.port.in.SortOrder;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.SessionSort;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DbClientSessionStoreIT extends SessionStoreContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    /** SKIP LOCKED between connections: the in-memory stores run one transaction at a time instead. */
    @Override
    protected void activityWritten() {
        TestDatabase.get().flushActivity();
    }

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
    void givenEndedSession_whenEnded_thenTheRowMovesToHistoryWithReasonAndActor() throws SQLException {
        Session session = aSession(alice).build();
        sessions.insert(session);

        sessions.markEnded(session.id(), TerminationReason.ADMIN_TERMINATED, bob.id(), NOW);

        assertEquals(0, TestDatabase.count("sessions WHERE id = '" + session.id().value() + "'"),
                "sessions holds open sessions only (V15)");
        try (Connection connection = TestDatabase.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT end_reason, ended_by, ended_at FROM session_history WHERE id = ?")) {
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
    void givenManyValidationsAtOnce_whenLookupsShareStatements_thenEachGetsItsOwnSessionOrNone() throws Exception {
        List<Session> stored = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Session session = aSession(i % 2 == 0 ? alice : bob).build();
            sessions.insert(session);
            stored.add(session);
        }
        Session ended = stored.getLast();
        sessions.markEnded(ended.id(), TerminationReason.ADMIN_TERMINATED, bob.id(), NOW);

        // 40 threads x 30 lookups: many wait together, so statements answer several at once.
        List<Future<List<String>>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(40)) {
            for (int t = 0; t < 40; t++) {
                int offset = t;
                workers.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        Session wanted = stored.get((offset * 7 + i) % stored.size());
                        Optional<AuthenticatedSession> found = sessions.findOpenByTokenHash(wanted.tokenHash());
                        boolean right = wanted == ended ? found.isEmpty()
                                : found.map(f -> f.session().equals(wanted)
                                        && f.account().id().equals(wanted.userId())).orElse(false);
                        if (!right) {
                            wrong.add(wanted.id() + " -> " + found);
                        }
                        if (sessions.findOpenByTokenHash(aTokenHash()).isPresent()) {
                            wrong.add("an unknown token hash was found");
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> worker : workers) {
                assertEquals(List.of(), worker.get(60, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void givenTwoBulkEndsOfOneNetwork_whenTheyRace_thenTheSecondWaitsAndGetsNoneOfTheEndedSessions()
            throws Exception {
        List<Session> inRange = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Session session = aSession(alice).withIp("10.9.0." + i).build();
            sessions.insert(session);
            inRange.add(session);
        }
        dev.warden.domain.AddressRange range = dev.warden.domain.AddressRange.parse("10.9.0.0/16");
        CountDownLatch firstHoldsTheLocks = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<SessionId>> first = pool.submit(() -> transactions.inTransaction(() -> {
                List<Session> locked = sessions.lockActiveInRange(range, null, null, WINDOW, 500);
                firstHoldsTheLocks.countDown();
                LockSupport.parkNanos(Duration.ofMillis(300).toNanos()); // the second now waits on these rows
                locked.forEach(s -> sessions.markEnded(s.id(), TerminationReason.ADMIN_TERMINATED, null, NOW));
                return locked.stream().map(Session::id).toList();
            }));
            assertTrue(firstHoldsTheLocks.await(30, TimeUnit.SECONDS));
            Future<List<SessionId>> second = pool.submit(() -> transactions.inTransaction(() ->
                    sessions.lockActiveInRange(range, null, null, WINDOW, 500).stream().map(Session::id).toList()));

            assertEquals(20, first.get(30, TimeUnit.SECONDS).size());
            assertEquals(List.of(), second.get(30, TimeUnit.SECONDS), "no session is ended twice");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertDrivenByAnIndex(String name, String plan) {
        assertFalse(plan.contains("Seq Scan on sessions"), name + ":\n" + plan);
        assertTrue(Pattern.compile("Index (Only )?Scan.* on sessions").matcher(plan).find(), name + ":\n" + plan);
    }

    @Test
    void givenPostgresPlansInParallel_whenTheSessionsPageIsSortedOrFilteredByAddress_thenItStillAnswers()
            throws SQLException {
        Session session = aSession(alice).withIp("10.0.0.9").build();
        sessions.insert(session);
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement()) {
            // What a large table can get on its own: a parallel plan. warden_inet starts a subtransaction,
            // which no part of a parallel operation may do, so it must keep its statements out of one.
            statement.execute("SET parallel_setup_cost = 0");
            statement.execute("SET parallel_tuple_cost = 0");
            statement.execute("SET min_parallel_table_scan_size = 0");
            statement.execute("SET min_parallel_index_scan_size = 0");
            forceParallel(statement);
            String sql = SessionPageSql.page(SessionPageSql.Shape.ALL, SessionSort.IP_ADDRESS, SortOrder.ASC, false)
                    .replace(":now", "now() - interval '1 day'").replace(":lastActiveAfter", "now() - interval '10 days'")
                    .replace(":limit", "50").replace(":offset", "0");

            try (ResultSet rows = statement.executeQuery(sql)) {
                assertTrue(rows.next(), "the session is listed");
                assertEquals(session.id().value(), rows.getObject("id", UUID.class));
            }
        }
    }

    /** force_parallel_mode (PostgreSQL 15) was renamed debug_parallel_query (16). */
    /** user1 .. user200, for the plan tests' sessions to belong to. */
    private static void insertTwoHundredUsers(Statement statement) throws SQLException {
        statement.execute("""
                INSERT INTO users (id, username, password_hash, role, status, created_at)
                SELECT gen_random_uuid(), 'user' || n, 'x', 'USER', 'ACTIVE', now() FROM generate_series(1, 200) n""");
    }

    private static void forceParallel(Statement statement) throws SQLException {
        try {
            statement.execute("SET debug_parallel_query = on");
        } catch (SQLException renamed) {
            statement.execute("SET force_parallel_mode = on");
        }
    }

    @Test
    void givenABacklogTenTimesABatch_whenTheSweepLocksABatch_thenEachWalkStopsAtTheBatchInsteadOfSortingTheBacklog()
            throws SQLException {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement()) {
            insertTwoHundredUsers(statement);
            // 20,000 open sessions: 5,000 idle for hours, 5,000 past absolute expiry, the rest active.
            statement.execute("""
                    INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at,
                                          last_active_at, expires_at)
                    SELECT gen_random_uuid(), u.id, md5(random()::text) || n, '10.0.' || (n % 250) || '.1', 'ua',
                           now() - interval '26 hours',
                           CASE WHEN n % 4 = 0 THEN now() - interval '3 hours' - n * interval '1 second'
                                ELSE now() - (n % 600) * interval '1 second' END,
                           CASE WHEN n % 4 = 1 THEN now() - n * interval '1 second' ELSE now() + interval '1 day' END
                    FROM generate_series(1, 20000) n
                    JOIN LATERAL (SELECT id FROM users ORDER BY id OFFSET (n % 200) LIMIT 1) u ON true""");
            statement.execute("ANALYZE users");
            statement.execute("ANALYZE sessions");
            // As the sweeper's pool plans (force_custom_plan: docs/decisions.md), with the batch it uses.
            statement.execute("SET plan_cache_mode = force_custom_plan");
            Map<String, String> values = Map.of("now", "now()", "lastActiveAfter", "now() - interval '1 hour'",
                    "batchSize", "500");

            for (String sweep : List.of("session-lock-past-expiry", "session-lock-idle")) {
                String plan = GenericPlans.of(statement, sweep, values);

                assertDrivenByAnIndex(sweep, plan);
                assertFalse(plan.contains("Sort"), sweep + " sorts the backlog:\n" + plan);
            }
        }
    }

    @Test
    void givenMostlyHistory_whenEveryPageShapeIsPlannedGenerically_thenEachWalksAnIndexNotEverySession()
            throws SQLException {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement()) {
            insertTwoHundredUsers(statement);
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
            GenericPlans.forceGenericPlans(statement);

            Map<String, String> values = Map.ofEntries(
                    Map.entry("now", "now()"), Map.entry("lastActiveAfter", "now() - interval '1 hour'"),
                    Map.entry("userId", "'" + UUID.randomUUID() + "'"), Map.entry("ipAddress", "'10.0.7.1'"),
                    Map.entry("q", "'user1'"), Map.entry("pattern", "'%user1%'"),
                                        Map.entry("cursorId", "'ffffffff-ffff-ffff-ffff-ffffffffffff'"),
                    Map.entry("ids", "'{" + UUID.randomUUID() + "}'"),
                    Map.entry("limit", "50"), Map.entry("offset", "0"), Map.entry("perUser", "50"),
                    Map.entry("cap", "10001"), Map.entry("max", "1001"),
                    Map.entry("network", "'10.0.0.0/16'"), Map.entry("keepId", "'" + UUID.randomUUID() + "'"),
                    Map.entry("batchSize", "500"));
            List<String> statements = new ArrayList<>(List.of("session-count-of-user", "session-count-from-ip",
                    "session-count-of-users", "session-count-in-network", "session-lock-active-in-network"));
            for (String name : statements) {
                assertDrivenByAnIndex(name, GenericPlans.of(statement, name, values));
            }
            for (SessionPageSql.Shape shape : SessionPageSql.Shape.values()) {
                for (SessionSort sort : SessionSort.values()) {
                    for (SortOrder order : SortOrder.values()) {
                        for (boolean withCursor : List.of(false, true)) {
                            Map<String, String> withKey = new HashMap<>(values);
                            withKey.put("cursorKey", switch (sort.keyType()) {
                                case INSTANT -> "now() - interval '30 minutes'";
                                case TEXT -> sort == SessionSort.IP_ADDRESS ? "'10.0.7.1'" : "'user1'";
                            });
                            String name = shape + " by " + sort + " " + order + (withCursor ? " after a cursor" : "");
                            assertDrivenByAnIndex(name, GenericPlans.ofText(statement,
                                    SessionPageSql.page(shape, sort, order, withCursor), withKey));
                        }
                    }
                }
            }
            // (session-users-named reads users only: with 200 of them a scan is right; at 100,000 it
            // takes users_username_trigrams, bench/admin-list.sh shows the plan.)
        }
    }
}
