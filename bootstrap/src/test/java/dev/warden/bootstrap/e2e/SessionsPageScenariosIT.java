package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the Sessions page, end to end: real HTTP, real PostgreSQL, real Kafka, with the
 * product's own timeouts (60 minutes idle, 24 hours at most, 15 minutes locked), on a clock the
 * tests move forward rather than wait for.
 */
class SessionsPageScenariosIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static RunningWarden warden;
    private static ApiClient api;
    private static String owner;
    private static int userCounter;

    private String alice;
    private String aliceId;

    @BeforeAll
    static void start() {
        warden = RunningWarden.start(Map.of(
                "WARDEN_SESSION_SWEEP_INTERVAL", "PT1H", // sweeps run by hand where a test needs them
                // Not about the per-address throttle: every test here logs in from 127.0.0.1.
                "WARDEN_LOGIN_IP_FAILURE_LIMIT", "100000"));
        api = warden.client();
    }

    @AfterAll
    static void stop() {
        warden.close();
    }

    @BeforeEach
    void anAdministratorAndAFreshUser() {
        // Tests move the clock past the idle timeout, so each logs the owner in afresh and out again after.
        owner = warden.ownerToken();
        alice = "alice" + (++userCounter);
        Response created = api.post("/api/admin/users", owner,
                "{\"username\":\"" + alice + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
        assertEquals(201, created.status(), created.body());
        aliceId = created.json().path("id").asText();
    }

    @AfterEach
    void ownerLogsOut() {
        api.post("/api/auth/logout", owner, null);
    }

    private String login() {
        return api.login(alice, PASSWORD).token();
    }

    /**
     * A request with {@code token} that must succeed, and then the wait for the activity it noted to
     * reach the database: activity is written off the request path within 250 ms of real time, and
     * this test's clock moves on faster than that.
     */
    private void activeNow(String token, String why) {
        Instant before = warden.clock.instant().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps
        String sessionId = sessionIdOf(token);
        Eventually.await("the activity of " + why, Duration.ofSeconds(5), () -> TestPostgresText.lastActiveAt(sessionId),
                at -> !at.isBefore(before));
    }

    private static String sessionIdOf(String token) {
        Response me = api.get("/api/auth/session", token);
        assertEquals(200, me.status(), me.body());
        return me.json().path("session").path("id").asText();
    }

    @Test
    void terminate_thenTheNextRequestWithThatTokenGets401() {
        String token = login();
        String sessionId = sessionIdOf(token);

        Response terminated = api.delete("/api/admin/sessions/" + sessionId, owner);

        assertEquals(204, terminated.status(), terminated.body());
        Response next = api.get("/api/auth/session", token);
        assertEquals(401, next.status());
        assertEquals("unauthenticated", next.problemType());
        assertEquals(404, api.delete("/api/admin/sessions/" + sessionId, owner).status(), "no undo, no second end");
    }

    @Test
    void logoutAll_thenEveryTokenOfThatUserGets401AndOthersDoNot() {
        List<String> tokens = List.of(login(), login(), login());
        String bystander = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();

        Response result = api.delete("/api/admin/sessions?userId=" + aliceId, owner);

        assertEquals(200, result.status(), result.body());
        assertEquals(3, result.json().path("terminated").asInt());
        for (String token : tokens) {
            assertEquals(401, api.get("/api/auth/session", token).status());
        }
        assertEquals(200, api.get("/api/auth/session", bystander).status());
        assertEquals(200, api.get("/api/auth/session", owner).status());
        api.post("/api/auth/logout", bystander, null);
    }

    @Test
    void idleExpiry_endsASessionLeftAlone() {
        String leftAlone = login();
        String used = login();
        warden.clock.advance(Duration.ofMinutes(59));
        activeNow(used, "59 minutes idle is not too long yet");

        warden.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        assertEquals(401, api.get("/api/auth/session", leftAlone).status());
        assertEquals(200, api.get("/api/auth/session", used).status(), "only the session left alone ended");
    }

    @Test
    void absoluteExpiry_endsASessionEvenUnderConstantActivity() {
        String token = login();
        // A request every 50 minutes keeps it from idling out (60); it still ends at 24 hours.
        for (int i = 0; i < 28; i++) {
            warden.clock.advance(Duration.ofMinutes(50));
            activeNow(token, "a request after " + (i + 1) * 50 + " minutes");
        }
        warden.clock.advance(Duration.ofMinutes(41)); // 24 h 1 min after the login

        assertEquals(401, api.get("/api/auth/session", token).status());
        owner = warden.ownerToken(); // the owner's own session idled out meanwhile
        JsonNode expiry = api.get("/api/admin/audit?type=SESSION_EXPIRED&userId=" + aliceId, owner).json();
        assertEquals("ABSOLUTE_LIFETIME", expiry.path("items").get(0).path("reason").asText());
    }

    @Test
    void theEleventhLoginGets409AndNothingIsEvicted() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(login());
        }

        Response eleventh = api.login(alice, PASSWORD);

        assertEquals(409, eleventh.status());
        assertEquals("session-limit-reached", eleventh.problemType());
        for (String token : tokens) {
            assertEquals(200, api.get("/api/auth/session", token).status());
        }
    }

    /**
     * Fifty at once is more than the password hashing slots and the connection pool take: some
     * may be told to come back (503 with Retry-After). Whatever the mix, never more than ten
     * sessions, and no 409 before all ten exist.
     */
    @Test
    void fiftyParallelLoginsNeverOpenMoreThanTenSessions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Response>> logins = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                logins.add(() -> api.login(alice, PASSWORD));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(logins)) {
                Response reply = f.get();
                statuses.add(reply.status());
                if (reply.status() == 503) {
                    assertEquals("service-unavailable", reply.problemType());
                    assertTrue(reply.header("Retry-After") != null, "a 503 says when to come back");
                }
            }

            long created = statuses.stream().filter(s -> s == 201).count();
            long refused = statuses.stream().filter(s -> s == 409).count();
            assertEquals(50, created + refused + statuses.stream().filter(s -> s == 503).count(), statuses.toString());
            assertTrue(created >= 1 && created <= 10, statuses.toString());
            if (refused > 0) {
                assertEquals(10, created, "409 only once ten sessions exist: " + statuses);
            }
            // Counted in the table: under load the idle timeout may pass before an admin could list them.
            assertEquals(created, TestPostgres.queryLong("SELECT count(*) FROM sessions WHERE user_id = '" + aliceId + "'"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenFailuresLockEvenTheRightPasswordForTheLockDurationThenItWorksAgain() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.login(alice, "not the password at all").status());
        }

        assertEquals(401, api.login(alice, PASSWORD).status(), "locked: even the right password fails");
        JsonNode row = api.get("/api/admin/users?q=" + alice, owner).json().path("items").get(0);
        assertFalse(row.path("lockedUntil").isNull(), row.toString());

        warden.clock.advance(Duration.ofMinutes(14));
        assertEquals(401, api.login(alice, PASSWORD).status(), "still locked after 14 of its 15 minutes");
        warden.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(201, api.login(alice, PASSWORD).status());
    }

    @Test
    void unknownUserWrongPasswordAndLockedAccountGiveIdenticalAnswers() {
        Response unknown = api.login("nobody-" + alice, PASSWORD);
        Response wrong = api.login(alice, "not the password at all");
        for (int i = 0; i < 9; i++) {
            api.login(alice, "not the password at all");
        }
        Response locked = api.login(alice, PASSWORD);

        for (Response r : List.of(unknown, wrong, locked)) {
            assertEquals(401, r.status());
            assertEquals(unknown.body(), r.body());
            assertEquals(unknown.header("Content-Type"), r.header("Content-Type"));
        }
        assertEquals("invalid-credentials", unknown.problemType());
    }

    @Test
    void expiredRowsStillInTheTableAreNotListed() {
        String stale = sessionIdOf(login());
        warden.clock.advance(Duration.ofMinutes(60).plusSeconds(1));
        String fresh = sessionIdOf(login());
        owner = warden.ownerToken();

        // The sweeper has not run (its interval is an hour): the stale row is still open in the table.
        assertEquals(1, TestPostgres.queryLong(
                "SELECT count(*) FROM sessions WHERE ended_at IS NULL AND id = '" + stale + "'"));
        JsonNode page = api.get("/api/admin/sessions?userId=" + aliceId, owner).json();
        assertEquals(1, page.path("total").asInt());
        assertEquals(fresh, page.path("items").get(0).path("id").asText());
        JsonNode row = api.get("/api/admin/users?q=" + alice, owner).json().path("items").get(0);
        assertEquals(1, row.path("activeSessions").asInt());
    }

    @Test
    void theSweeperEndsExpiredSessionsWithReasonAuditAndEvent() {
        String sessionId = sessionIdOf(login());
        warden.clock.advance(Duration.ofMinutes(60).plusSeconds(1));

        assertTrue(warden.app.sweepExpiredSessions() >= 1);
        owner = warden.ownerToken();

        assertEquals("IDLE_TIMEOUT", TestPostgresText.endReason(sessionId));
        JsonNode audit = api.get("/api/admin/audit?type=SESSION_EXPIRED&userId=" + aliceId, owner).json();
        assertEquals(sessionId, audit.path("items").get(0).path("sessionId").asText());
    }

    @Test
    void theOwnersSessionsCanBeTerminatedAndTheOwnerLogsInAgain() {
        String ownerSession = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();
        JsonNode ownerRow = api.get("/api/admin/users?q=" + RunningWarden.OWNER, owner).json().path("items").get(0);
        String adminToken = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();

        Response all = api.delete("/api/admin/sessions?userId=" + ownerRow.path("id").asText(), adminToken);

        assertEquals(200, all.status(), all.body());
        assertEquals(401, api.get("/api/auth/session", ownerSession).status());
        assertEquals(401, api.get("/api/auth/session", adminToken).status());
        owner = warden.ownerToken();
        assertEquals(200, api.get("/api/admin/sessions", owner).status());
    }

    @Test
    void xForwardedForFromAnUntrustedPeerIsIgnored() {
        String token = api.login(alice, PASSWORD, Map.of("X-Forwarded-For", "203.0.113.99")).token();

        JsonNode me = api.get("/api/auth/session", token).json();

        assertEquals("127.0.0.1", me.path("session").path("ipAddress").asText());
    }
}
