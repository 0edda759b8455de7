package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database and one broker, as deployed behind a load balancer: a
 * session ended through either instance is refused by the other on the very next request, since
 * every validation reads PostgreSQL and nothing is cached per instance.
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
