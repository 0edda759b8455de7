package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase.Purged;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.service.operations.PurgeExpiredHistoryService;
import dev.warden.domain.Account;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.Session;
import dev.warden.domain.TerminationReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention on the real schema: what is due goes, what is young, open or unpublished stays;
 * batches are bounded; and instances purging at once skip each other's rows and together delete
 * every due row exactly once.
 */
class DbClientHistoryRetentionIT {
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(1));
    private static final Instant OLD = CUTOFF.minus(Duration.ofHours(1));
    private static final Instant YOUNG = CUTOFF.plus(Duration.ofHours(1));

    private final WardenDatabase database = TestDatabase.get();
    private final HistoryRetention retention = database.historyRetention();
    // Own threads: the common pool has a single thread on a two-core machine.
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Account alice;

    @BeforeEach
    void empty() {
        TestDatabase.reset();
        dropEveryDayOfSessionHistory();
        alice = anAccount("alice").build();
        database.userAccounts().insert(alice);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void publishedEventsBeforeTheCutoffGoWhileYoungAndUnpublishedOnesStay() {
        insertOutbox(3, OLD, OLD);
        insertOutbox(2, OLD, YOUNG);
        insertOutbox(4, OLD.minus(Duration.ofDays(400)), null);

        assertEquals(3, retention.deletePublishedEventsBefore(CUTOFF, 100));

        assertEquals(2, count("outbox WHERE published_at >= '" + CUTOFF + "'"));
        assertEquals(4, count("outbox WHERE published_at IS NULL"), "unpublished rows are never deleted");
        assertEquals(0, retention.deletePublishedEventsBefore(CUTOFF, 100));
    }

    @Test
    void sessionsThatEndedBeforeTheCutoffGoWhileYoungAndOpenOnesStay() {
        insertSessions(3, OLD);
        insertSessions(2, YOUNG);
        insertSessions(4, null); // open, however old

        assertEquals(3, retention.deleteEndedSessionsBefore(CUTOFF, 100));

        assertEquals(2, count("session_history"));
        assertEquals(4, count("sessions"), "open sessions stay in sessions, never deleted");
    }

    @Test
    void auditEntriesBeforeTheCutoffGo() {
        insertAudit(3, OLD);
        insertAudit(2, YOUNG);

        assertEquals(3, retention.deleteAuditEntriesBefore(CUTOFF, 100));

        assertEquals(2, count("audit_entries"));
        assertEquals(0, count("audit_entries WHERE occurred_at < '" + CUTOFF + "'"));
    }

    @Test
    void alarmsResolvedBeforeTheCutoffGoWhileOpenOnesStay() {
        insertAlarm(OLD, OLD);
        insertAlarm(OLD, YOUNG);
        insertAlarm(OLD.minus(Duration.ofDays(400)), null);

        assertEquals(1, retention.deleteResolvedAlarmsBefore(CUTOFF, 100));

        assertEquals(1, count("alarms WHERE status = 'OPEN'"), "an open alarm is never deleted");
        assertEquals(1, count("alarms WHERE status = 'RESOLVED'"));
    }

    @Test
    void oneCallDeletesAtMostItsBatch() {
        insertSessions(5, OLD);

        assertEquals(2, retention.deleteEndedSessionsBefore(CUTOFF, 2));
        assertEquals(2, retention.deleteEndedSessionsBefore(CUTOFF, 2));
        assertEquals(1, retention.deleteEndedSessionsBefore(CUTOFF, 2));
        assertEquals(0, retention.deleteEndedSessionsBefore(CUTOFF, 2));
    }

    @Test
    void rowsAnotherInstanceIsDeletingAreSkippedNotWaitedFor() throws Exception {
        insertSessions(10, OLD);
        try (Connection other = TestDatabase.connection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("SELECT 1 FROM session_history_default ORDER BY ended_at LIMIT 4 FOR UPDATE");
            }

            int deleted = CompletableFuture.supplyAsync(() -> retention.deleteEndedSessionsBefore(CUTOFF, 100), threads)
                    .get(10, TimeUnit.SECONDS);

            assertEquals(6, deleted, "the four held rows are skipped, the rest go without waiting");
            other.rollback();
        }
        assertEquals(4, retention.deleteEndedSessionsBefore(CUTOFF, 100), "released rows go on the next run");
    }

    @Test
    void twoInstancesPurgingAtOnceBothFinishAndDeleteEveryDueRowExactlyOnce() throws Exception {
        RetentionPolicy policy = RetentionPolicy.DEFAULTS; // PT24H, P30D, P365D before NOW
        int due = 3_000;
        insertOutbox(due, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)));
        insertOutbox(100, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
        insertOutbox(50, NOW.minus(Duration.ofDays(3)), null);
        insertSessions(due, NOW.minus(Duration.ofDays(31)));
        insertSessions(100, NOW.minus(Duration.ofDays(29)));
        insertAudit(due, NOW.minus(Duration.ofDays(366)));
        insertAudit(100, NOW.minus(Duration.ofDays(364)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        try (WardenDatabase second = TestDatabase.anotherInstance()) {
            List<PurgeExpiredHistoryService> instances = List.of(
                    new PurgeExpiredHistoryService(database.historyRetention(), policy, clock, 100),
                    new PurgeExpiredHistoryService(second.historyRetention(), policy, clock, 100));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Purged>> runs = new ArrayList<>();
            for (PurgeExpiredHistoryService instance : instances) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    Latches.await(start);
                    return instance.purgeOnce();
                }, threads));
            }
            start.countDown();
            Purged first = runs.get(0).get(60, TimeUnit.SECONDS);
            Purged other = runs.get(1).get(60, TimeUnit.SECONDS);

            assertEquals(due, first.publishedEvents() + other.publishedEvents());
            assertEquals(due, first.endedSessions() + other.endedSessions());
            assertEquals(due, first.auditEntries() + other.auditEntries());
        }
        assertEquals(150, count("outbox"), "young and unpublished events stay");
        assertEquals(50, count("outbox WHERE published_at IS NULL"));
        assertEquals(100, count("session_history"));
        assertEquals(100, count("audit_entries"));
        assertTrue(database.historyRetention().deleteEndedSessionsBefore(NOW, 1) == 1, "the young ones are still there");
    }

    @Test
    void givenDaysOfHistory_whenPurged_thenEveryDayWhollyBeforeTheCutoffIsDroppedWholeAndLaterDaysStayWhole() {
        // Cut-off 2030-02-02T12:00:00.123456Z (30 days before NOW): 31 Jan and 1 Feb lie wholly before it.
        RetentionPolicy policy = new RetentionPolicy(Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(365));
        Instant cutoff = policy.endedSessionsCutoff(NOW);
        assertEquals(4, retention.prepareEndedSessionDays(Instant.parse("2030-01-31T05:00:00Z"), 4));
        assertEquals(0, retention.prepareEndedSessionDays(Instant.parse("2030-01-31T23:00:00Z"), 4),
                "days already there are left alone");
        insertSessions(5, Instant.parse("2030-01-31T00:00:00Z"));
        insertSessions(7, Instant.parse("2030-02-01T23:59:59.999999Z"));
        insertSessions(3, cutoff.minus(Duration.ofHours(1))); // before the cut-off, but its day is not over
        insertSessions(2, cutoff.plus(Duration.ofHours(1)));
        insertSessions(4, Instant.parse("2030-02-03T08:00:00Z"));
        insertSessions(6, Instant.parse("2020-01-01T00:00:00Z")); // older than every day: the default partition
        insertSessions(1, null);
        assertEquals(5, count("session_history_20300131"), "each end lands in its own day");
        assertEquals(6, count("session_history_default"));
        long holding = relfilenode("session_history_20300202");

        Purged purged = new PurgeExpiredHistoryService(retention, policy, Clock.fixed(NOW, ZoneOffset.UTC), 100)
                .purgeOnce();

        assertEquals(5 + 7 + 6, purged.endedSessions(), "two whole days and the stray old ones");
        assertEquals(List.of("session_history_20300202", "session_history_20300203"), daysBefore("20300304"),
                "the two days wholly before the cut-off are gone, as tables, not as deleted rows");
        assertEquals(5, count("session_history_20300202"), "the cut-off's day stays whole until it is over");
        assertEquals(relfilenode("session_history_20300202"), holding, "never rewritten");
        assertEquals(4, count("session_history_20300203"));
        assertEquals(0, count("session_history_default"));
        assertEquals(1, count("sessions"), "open sessions are never touched");
        assertTrue(daysFrom("20300304").containsAll(List.of("session_history_20300304", "session_history_20300311")),
                "the purge prepared a week ahead of NOW: " + daysFrom("20300304"));

        Purged nextDay = new PurgeExpiredHistoryService(retention, policy,
                Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC), 100).purgeOnce();
        assertEquals(5, nextDay.endedSessions(), "a day later the cut-off's day is over and goes whole");
        assertEquals(List.of("session_history_20300203"), daysBefore("20300304"));
    }

    @Test
    void givenATransactionHoldingTheHistory_whenADueDayIsDropped_thenItGivesUpWithinSecondsAndDropsItOnceFree()
            throws Exception {
        Instant dueDay = Instant.parse("2030-01-31T00:00:00Z");
        retention.prepareEndedSessionDays(dueDay, 1);
        insertSessions(2, dueDay.plus(Duration.ofHours(1)));
        try (Connection ending = TestDatabase.connection()) {
            ending.setAutoCommit(false);
            try (Statement statement = ending.createStatement()) {
                // As an ending transaction does, until it commits.
                statement.execute("LOCK TABLE session_history IN ROW EXCLUSIVE MODE");
            }

            long started = System.nanoTime();
            var dropped = CompletableFuture.supplyAsync(() -> retention.dropOldestEndedSessionDay(NOW), threads)
                    .get(10, TimeUnit.SECONDS);

            assertTrue(dropped.isEmpty(), "not dropped while the history is held");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                    "gave up at its lock timeout instead of queueing ends behind it");
            ending.rollback();
        }
        assertEquals(2, retention.dropOldestEndedSessionDay(NOW).orElseThrow(), "dropped once free");
        assertEquals(List.of(), daysBefore("20300201"));
    }

    @Test
    void givenADayOfHistory_whenASessionEnds_thenItMovesFromSessionsIntoThatDay() {
        retention.prepareEndedSessionDays(NOW, 1);
        Session session = aSession(alice).build();
        database.sessionStore().insert(session);

        database.sessionStore().markEnded(session.id(), TerminationReason.USER_LOGOUT, alice.id(), NOW);

        assertEquals(0, count("sessions"));
        assertEquals(1, count("session_history_20300304 WHERE id = '" + session.id().value()
                + "' AND end_reason = 'USER_LOGOUT' AND ended_at = '" + NOW + "'"));
    }

    @Test
    void givenAnInstanceOfThePreviousVersion_whenItEndsASessionWithItsUpdate_thenTheTriggerMovesItWhole() {
        retention.prepareEndedSessionDays(NOW, 1);
        Session session = aSession(alice).build();
        database.sessionStore().insert(session);

        // session-mark-ended as the previous version (V14) sends it.
        sql("UPDATE sessions SET ended_at = CAST(? AS timestamptz), end_reason = 'ADMIN_TERMINATED', "
                + "ended_by = CAST(? AS uuid) WHERE id = CAST(? AS uuid) AND ended_at IS NULL",
                time(NOW), alice.id().value().toString(), session.id().value().toString());

        assertEquals(0, count("sessions"));
        assertEquals(1, count("session_history_20300304 WHERE id = '" + session.id().value()
                + "' AND end_reason = 'ADMIN_TERMINATED' AND ended_by = '" + alice.id().value()
                + "' AND token_hash = '" + session.tokenHash().value() + "'"));
    }

    @Test
    void givenARowOfTheDayInTheDefaultPartition_whenTheDayIsPrepared_thenTheRowMovesIntoIt() {
        insertSessions(3, NOW);
        assertEquals(3, count("session_history_default"));

        assertEquals(1, retention.prepareEndedSessionDays(NOW, 1));

        assertEquals(0, count("session_history_default"));
        assertEquals(3, count("session_history_20300304"));
    }

    // ---- days of session history ------------------------------------------------------------

    private static void dropEveryDayOfSessionHistory() {
        daysFrom("").forEach(day -> TestDatabase.execute("DROP TABLE " + day));
    }

    /** The day partitions of session_history before {@code day} (YYYYMMDD), oldest first. */
    private static List<String> daysBefore(String day) {
        return daysFrom("").stream().filter(name -> name.compareTo("session_history_" + day) < 0).toList();
    }

    /** The day partitions of session_history from {@code day} (YYYYMMDD; "" for all), oldest first. */
    private static List<String> daysFrom(String day) {
        List<String> days = new ArrayList<>();
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c "
                     + "ON c.oid = i.inhrelid WHERE i.inhparent = 'session_history'::regclass "
                     + "AND c.relname <> 'session_history_default' ORDER BY 1")) {
            while (rows.next()) {
                if (rows.getString(1).compareTo("session_history_" + day) >= 0) {
                    days.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return days;
    }

    private static long relfilenode(String table) {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT relfilenode FROM pg_class WHERE relname = '" + table + "'")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- rows written directly, in bulk -----------------------------------------------------

    private void insertOutbox(int n, Instant createdAt, Instant publishedAt) {
        sql("INSERT INTO outbox (event_id, aggregate_key, event_type, payload, created_at, published_at) "
                + "SELECT gen_random_uuid(), CAST(? AS uuid), 'CREATED', '{}'::jsonb, CAST(? AS timestamptz), CAST(? AS timestamptz) FROM generate_series(1, ?)",
                alice.id().value().toString(), time(createdAt), time(publishedAt), n);
    }

    /** Sessions that ended at {@code endedAt}, or open ones when it is null. */
    private void insertSessions(int n, Instant endedAt) {
        Instant created = endedAt == null ? NOW.minus(Duration.ofDays(500)) : endedAt.minus(Duration.ofHours(2));
        sql("INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, "
                + "expires_at, ended_at, end_reason) "
                + "SELECT gen_random_uuid(), CAST(? AS uuid), gen_random_uuid()::text, '203.0.113.7', 'Firefox', "
                + "CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS timestamptz), "
                + "CASE WHEN CAST(? AS timestamptz) IS NULL THEN NULL ELSE 'USER_LOGOUT' END FROM generate_series(1, ?)",
                alice.id().value().toString(), time(created), time(created), time(created.plus(Duration.ofDays(1))),
                time(endedAt), time(endedAt), n);
    }

    private void insertAudit(int n, Instant occurredAt) {
        sql("INSERT INTO audit_entries (id, type, occurred_at, user_id, username) "
                + "SELECT gen_random_uuid(), 'LOGIN_SUCCESS', CAST(? AS timestamptz), CAST(? AS uuid), 'alice' FROM generate_series(1, ?)",
                time(occurredAt), alice.id().value().toString(), n);
    }

    /** An alarm raised at {@code raisedAt}; resolved at {@code resolvedAt}, or open when it is null. */
    private void insertAlarm(Instant raisedAt, Instant resolvedAt) {
        sql("INSERT INTO alarms (id, user_id, username, distinct_ips, status, raised_at, resolved_at) "
                + "VALUES (gen_random_uuid(), CAST(? AS uuid), 'alice', 4, ?, CAST(? AS timestamptz), CAST(? AS timestamptz))",
                alice.id().value().toString(), resolvedAt == null ? "OPEN" : "RESOLVED", time(raisedAt),
                time(resolvedAt));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void sql(String sql, Object... params) {
        try (Connection connection = TestDatabase.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    statement.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setObject(i + 1, params[i]);
                }
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String tableAndWhere) {
        return TestDatabase.count(tableAndWhere);
    }
}
