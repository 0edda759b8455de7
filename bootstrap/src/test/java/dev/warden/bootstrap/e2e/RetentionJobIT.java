package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The running service purges history on its own: with the retention variables shrunk to a
 * second, published events go, while open sessions, unexpired audit entries and everything young
 * stay. Ended sessions leave `sessions` as they end and are dropped a whole day at a time once the
 * day is over (V15; DbClientHistoryRetentionIT drops days), so today's stays.
 */
class RetentionJobIT {
    private static final String PASSWORD = "a fine long passphrase";

    @Test
    void theServiceDeletesPublishedEventsPastTheirRetentionMovesEndedSessionsToTodaysHistoryAndKeepsTheRest() {
        try (RunningWarden warden = RunningWarden.start(Map.of(
                "WARDEN_OUTBOX_RETENTION", "PT1S",
                "WARDEN_SESSION_HISTORY_RETENTION", "PT1S",
                "WARDEN_AUDIT_RETENTION", "P365D",
                "WARDEN_RETENTION_INTERVAL", "PT1S"))) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            assertEquals(201, api.post("/api/admin/users", owner,
                    "{\"username\":\"keeper\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}").status());
            String ended = api.login("keeper", PASSWORD).token();
            assertEquals(204, api.post("/api/auth/logout", ended, null).status());
            String open = api.login("keeper", PASSWORD).token();
            long audit = TestPostgres.queryLong("SELECT count(*) FROM audit_entries");
            // Counted by the outbox's sequence: the job may have deleted the first rows already.
            assertTrue(TestPostgres.queryLong("SELECT last_value FROM outbox_position_seq") >= 4, "events were written");

            Eventually.await("published events to be purged", Duration.ofSeconds(30),
                    () -> TestPostgres.queryLong("SELECT count(*) FROM outbox"), n -> n == 0);
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL"),
                    "sessions holds open sessions only");
            assertEquals(1, TestPostgres.queryLong("SELECT count(*) FROM session_history WHERE tableoid = "
                    + "to_regclass('session_history_' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD'))"),
                    "the ended session is in today's partition, kept until the day is over");

            assertEquals(200, api.get("/api/auth/session", open).status(), "an open session is untouched");
            assertEquals(200, api.get("/api/auth/session", owner).status());
            assertEquals(2, TestPostgres.queryLong("SELECT count(*) FROM sessions"));
            assertEquals(audit, TestPostgres.queryLong("SELECT count(*) FROM audit_entries"),
                    "audit entries are kept for a year");
        }
    }
}
