package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database and one broker, as deployed behind a load balancer: a
 * session ended through either instance is refused by the other on the very next request, since
 * every validation reads PostgreSQL and nothing is cached per instance (validations that arrive
 * together share one read, which starts after each of them arrived).
 */
class TwoInstancesIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static RunningWarden first;
    private static RunningWarden second;
    private static ApiClient one;
    private static ApiClient two;
    private static String owner;

    @BeforeAll
    static void startTwoInstances() {
        first = RunningWarden.start(Map.of());
        second = RunningWarden.startAnother(Map.of());
        one = first.client();
        two = second.client();
        owner = first.ownerToken();
        assertEquals(201, one.post("/api/admin/users", owner,
                "{\"username\":\"roamer\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}").status());
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aSessionTerminatedOnOneInstanceGets401OnTheOtherAtOnce() {
        for (ApiClient[] pair : List.of(new ApiClient[] {one, two}, new ApiClient[] {two, one})) {
            ApiClient terminating = pair[0];
            ApiClient other = pair[1];
            String token = other.login("roamer", PASSWORD).token();
            String sessionId = other.get("/api/auth/session", token).json().path("session").path("id").asText();
            assertEquals(200, terminating.get("/api/auth/session", token).status(), "valid on both instances");

            assertEquals(204, terminating.delete("/api/admin/sessions/" + sessionId, owner).status());

            assertEquals(401, other.get("/api/auth/session", token).status(), "the very next request is refused");
            assertEquals(401, terminating.get("/api/auth/session", token).status());
        }
    }

    @Test
    void whileTheOtherInstanceIsBusyValidating_aTerminatedSessionStillGets401OnItsVeryNextRequest() throws Exception {
        List<String> busy = List.of(two.login("roamer", PASSWORD).token(), two.login("roamer", PASSWORD).token());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = busy.get(i % busy.size());
            // Other requests in flight on the same instance: its lookups are answered several at once.
            load.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    if (two.get("/api/auth/session", token).status() != 200) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        try {
            for (int round = 0; round < 5; round++) {
                String token = two.login("roamer", PASSWORD).token();
                String sessionId = two.get("/api/auth/session", token).json().path("session").path("id").asText();

                assertEquals(204, one.delete("/api/admin/sessions/" + sessionId, owner).status());

                assertEquals(401, two.get("/api/auth/session", token).status(), "round " + round);
            }
        } finally {
            running.set(false);
            for (Thread thread : load) {
                thread.join(10_000);
            }
            busy.forEach(token -> two.post("/api/auth/logout", token, null));
        }
        assertEquals(0, refused.get(), "the sessions under load stayed valid");
    }

    @Test
    void logoutAllOnOneInstanceGets401OnTheOtherAtOnceForEverySession() {
        List<String> tokens = List.of(one.login("roamer", PASSWORD).token(), two.login("roamer", PASSWORD).token(),
                two.login("roamer", PASSWORD).token());
        for (String token : tokens) {
            assertEquals(200, two.get("/api/auth/session", token).status());
        }
        String userId = one.get("/api/auth/session", tokens.getFirst()).json().path("user").path("id").asText();

        ApiClient.Response ended = one.delete("/api/admin/sessions?userId=" + userId, owner);

        assertEquals(200, ended.status(), ended.body());
        assertEquals(3, ended.json().path("terminated").asInt());
        for (String token : tokens) {
            assertEquals(401, two.get("/api/auth/session", token).status(), "refused by the other instance at once");
            assertEquals(401, one.get("/api/auth/session", token).status());
        }
    }
}
