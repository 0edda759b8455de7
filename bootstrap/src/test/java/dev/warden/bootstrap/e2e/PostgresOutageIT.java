package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ApiClient.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away in the middle of logins and validations (a proxy between the service and
 * the database resets every connection and refuses new ones), then comes back. While it is away
 * every API call answers 503 with Retry-After within the connect timeout, never 500; afterwards the
 * same instance serves again by itself, and every session that exists was written whole.
 */
class PostgresOutageIT {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** The connect timeout plus room for a loaded 2-core machine. */
    private static final long ANSWER_BOUND_MILLIS = CONNECT_TIMEOUT.toMillis() + 1_500;
    private static final String PASSWORD = "tides turn on quiet harbours";
    private static final int LOGIN_THREADS = 3;
    private static final int VALIDATION_THREADS = 3;

    record Call(String kind, long startedNanos, long millis, int status, String retryAfter, String problem,
                String token) {
        static Call of(String kind, long startedNanos, Response response) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            String problem = response.status() >= 400 && response.body().startsWith("{")
                    ? response.problemType() : null;
            String token = response.status() == 201 ? response.json().path("token").asText() : null;
            return new Call(kind, startedNanos, millis, response.status(), response.header("Retry-After"), problem,
                    token);
        }

        boolean startedBetween(long fromNanos, long toNanos) {
            return startedNanos >= fromNanos && startedNanos < toNanos;
        }
    }

    @Test
    void cutMidTrafficEveryCallAnswers503WithRetryAfterWithinTheTimeoutThenItRecoversWithNoHalfWrittenSession()
            throws Exception {
        try (PostgresProxy proxy = new PostgresProxy(TestPostgres.url());
             RunningWarden warden = RunningWarden.start(Map.of(
                     "WARDEN_DB_URL", proxy.jdbcUrl(TestPostgres.url()),
                     "WARDEN_DB_CONNECT_TIMEOUT", "PT" + CONNECT_TIMEOUT.toSeconds() + "S",
                     "WARDEN_SESSION_MAX_PER_USER", "10000"))) {
            ApiClient client = warden.client();
            Response created = client.post("/api/admin/users", warden.ownerToken(),
                    "{\"username\":\"steady\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
            assertEquals(201, created.status(), created.body());
            String token = client.login("steady", PASSWORD).token();

            ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> traffic = new ArrayList<>();
            for (int i = 0; i < LOGIN_THREADS; i++) {
                traffic.add(Thread.ofPlatform().name("logins-" + i).start(() -> {
                    ApiClient own = warden.client();
                    while (running.get()) {
                        long started = System.nanoTime();
                        calls.add(Call.of("login", started, own.login("steady", PASSWORD)));
                    }
                }));
            }
            for (int i = 0; i < VALIDATION_THREADS; i++) {
                traffic.add(Thread.ofPlatform().name("validations-" + i).start(() -> {
                    ApiClient own = warden.client();
                    while (running.get()) {
                        long started = System.nanoTime();
                        calls.add(Call.of("validation", started, own.get("/api/auth/session", token)));
                    }
                }));
            }

            long cutAt;
            long restoredAt;
            int healthWhileCut;
            try {
                Thread.sleep(1_500);
                cutAt = System.nanoTime();
                proxy.cut();
                Thread.sleep(1_000);
                healthWhileCut = status(warden, "/observe/health");
                Thread.sleep(2_500);
                restoredAt = System.nanoTime();
                proxy.restore();
                Eventually.await("logins and validations to succeed again after the database is back",
                        Duration.ofSeconds(20),
                        () -> calls.stream().filter(c -> c.startedNanos() > restoredAt)
                                .filter(c -> c.status() == 200 || c.status() == 201)
                                .map(Call::kind).distinct().count(),
                        kinds -> kinds == 2);
                Thread.sleep(1_000);
            } finally {
                running.set(false);
                for (Thread thread : traffic) {
                    thread.join(TimeUnit.SECONDS.toMillis(30));
                }
            }

            Map<String, Integer> outcomes = new TreeMap<>();
            calls.forEach(c -> outcomes.merge(c.kind() + " " + c.status(), 1, Integer::sum));
            System.out.println("PostgreSQL outage: " + outcomes);

            for (Call call : calls) {
                assertTrue(call.status() < 500 || call.status() == 503, "never a 5xx other than 503: " + call);
                if (call.status() == 503) {
                    assertEquals("service-unavailable", call.problem(), call.toString());
                    assertTrue(call.retryAfter() != null && call.retryAfter().matches("\\d+"),
                            "every 503 says when to come back: " + call);
                }
            }
            // Calls that started while the database was away: refused, and quickly.
            long settled = cutAt + TimeUnit.MILLISECONDS.toNanos(100);
            List<Call> duringCut = calls.stream().filter(c -> c.startedBetween(settled, restoredAt)).toList();
            assertTrue(duringCut.size() >= 6, "traffic went on during the cut: " + duringCut.size());
            for (Call call : duringCut) {
                assertTrue(call.millis() <= ANSWER_BOUND_MILLIS, "answered after " + call.millis() + " ms: " + call);
                // One still waiting for a connection when the database came back is served, rightly.
                boolean answeredWhileAway = call.startedNanos() + TimeUnit.MILLISECONDS.toNanos(call.millis()) < restoredAt;
                if (answeredWhileAway) {
                    assertEquals(503, call.status(), "the database is away: " + call);
                }
            }
            assertTrue(duringCut.stream().filter(c -> c.status() == 503).count() >= 6,
                    "calls during the cut were refused: " + duringCut);
            // Calls in flight at the moment of the cut were answered within the bound too.
            for (Call call : calls) {
                if (call.startedNanos() < cutAt && call.startedNanos() + TimeUnit.MILLISECONDS.toNanos(call.millis())
                        > cutAt) {
                    assertTrue(call.millis() <= ANSWER_BOUND_MILLIS + 1_000, "in flight at the cut: " + call);
                }
            }
            assertEquals(503, healthWhileCut, "health says DOWN while the database is away");
            assertEquals(200, status(warden, "/observe/health"), "and UP again afterwards");

            // Nothing half-written: each session has its audit entry and its outbox event.
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM sessions s WHERE NOT EXISTS ("
                    + "SELECT 1 FROM audit_entries a WHERE a.session_id = s.id AND a.type = 'LOGIN_SUCCEEDED')"));
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM sessions s WHERE NOT EXISTS ("
                    + "SELECT 1 FROM outbox o WHERE o.event_type = 'CREATED' AND o.payload->>'sessionId' = s.id::text)"));
            List<String> issued = calls.stream().map(Call::token).filter(t -> t != null).toList();
            assertTrue(TestPostgres.queryLong("SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM session_history)")
                    >= issued.size() + 1);
            for (String issuedToken : issued) {
                assertEquals(200, client.get("/api/auth/session", issuedToken).status(),
                        "every token a 201 handed out is a real session");
            }
            // The relay and its LISTEN connection came back too: every event goes out.
            Eventually.await("the outbox to drain after the outage", Duration.ofSeconds(30),
                    () -> TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL"),
                    n -> n == 0);
        }
    }

    private static int status(RunningWarden warden, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(warden.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
