package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Offboarding must hold against a user who keeps logging in: logins run in parallel, without a
 * pause, while an administrator disables the account. Whatever the interleaving, no session may
 * be active afterwards. (A login's last step and the disable take the same account row lock;
 * this is the proof against PostgreSQL.)
 */
class DisableLoginRaceIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static final int THREADS = 8;
    private static final int ROUNDS = 4;
    private static RunningWarden warden;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        // No session limit in the way: every login that is not refused for the disable succeeds.
        // Every refused login here comes from 127.0.0.1; the per-address throttle is another test's business.
        warden = RunningWarden.start(Map.of("WARDEN_SESSION_MAX_PER_USER", "100000",
                "WARDEN_LOGIN_IP_FAILURE_LIMIT", "100000"));
        api = warden.client();
    }

    @AfterAll
    static void stop() {
        warden.close();
    }

    @Test
    void manyParallelLoginsWhileDisabling_leaveNoActiveSession() throws Exception {
        String owner = warden.ownerToken();
        Response created = api.post("/api/admin/users", owner,
                "{\"username\":\"racer\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
        assertEquals(201, created.status(), created.body());
        String userId = created.json().path("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                assertEquals(204, api.post("/api/admin/users/" + userId + "/enable", owner, null).status());
                Round result = race(pool, userId, owner);

                assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM sessions WHERE user_id = '" + userId
                        + "' AND ended_at IS NULL"), "round " + round + ": an open session survived the disable");
                assertTrue(result.succeeded.size() > 0, "round " + round + ": logins succeeded before the disable");
                assertTrue(result.refusedAfterDisable.get() > 0, "round " + round + ": logins were refused after it");
                for (String token : result.succeeded) {
                    assertEquals(401, api.get("/api/auth/session", token).status(), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Round(ConcurrentLinkedQueue<String> succeeded, AtomicInteger refusedAfterDisable) {
    }

    /**
     * Every thread logs in without pause; once a few logins succeeded, the account is disabled
     * while the others are still in flight; the threads go on until logins begun after the disable
     * returned have been refused.
     */
    private static Round race(ExecutorService pool, String userId, String owner) throws Exception {
        ConcurrentLinkedQueue<String> succeeded = new ConcurrentLinkedQueue<>();
        AtomicInteger refusedAfterDisable = new AtomicInteger();
        AtomicBoolean disabled = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch someSucceeded = new CountDownLatch(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    boolean afterDisable = disabled.get();
                    Response login = api.login("racer", PASSWORD);
                    if (login.status() == 201) {
                        succeeded.add(login.json().path("token").asText());
                        someSucceeded.countDown();
                    } else if (login.status() == 401 && afterDisable) {
                        refusedAfterDisable.incrementAndGet();
                    } else if (login.status() == 503 && login.header("Retry-After") != null) {
                        // More racers than hashing slots: "come back shortly" is a fair answer, not a session.
                        continue;
                    } else if (login.status() != 401) {
                        throw new AssertionError("unexpected answer " + login.status() + " " + login.body());
                    }
                }
                return null;
            }));
        }
        assertTrue(someSucceeded.await(60, TimeUnit.SECONDS), "logins are succeeding");
        Response disable = api.post("/api/admin/users/" + userId + "/disable", owner, null);
        assertEquals(200, disable.status(), disable.body());
        disabled.set(true);
        // Go on until logins started after the disable have been answered (a loaded machine may take
        // seconds per hash), so the refusal is seen rather than assumed within a fixed pause.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (refusedAfterDisable.get() < THREADS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        return new Round(succeeded, refusedAfterDisable);
    }
}
