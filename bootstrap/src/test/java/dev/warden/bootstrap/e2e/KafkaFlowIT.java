package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.ApiClient.Response;
import dev.warden.bootstrap.e2e.TopicTail.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Session events through the outbox, the real broker and the alarm topology, back into the API:
 * IP-spread alarms raise and resolve, and every end reaches warden.session-terminated.
 */
class KafkaFlowIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(30);
    private static RunningWarden warden;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        warden = RunningWarden.start();
        api = warden.client();
    }

    @AfterAll
    static void stop() {
        warden.close();
    }

    private static String createUser(String owner, String name) {
        Response created = api.post("/api/admin/users", owner,
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    private static JsonNode alarmsOf(String owner, String userId) {
        List<JsonNode> mine = new ArrayList<>();
        api.get("/api/admin/alarms", owner).json().path("items").forEach(a -> {
            if (a.path("userId").asText().equals(userId)) {
                mine.add(a);
            }
        });
        return mine.isEmpty() ? null : mine.getFirst();
    }

    @Test
    void loginsFromFourAddressesRaiseAnAlarmAndEndingOneResolvesIt() {
        String owner = warden.ownerToken();
        String userId = createUser(owner, "spread");
        List<String> tokens = new ArrayList<>();
        for (int i = 2; i <= 5; i++) {
            tokens.add(warden.clientFrom("127.0.0." + i).login("spread", PASSWORD).token());
        }
        assertEquals(4, api.get("/api/admin/users?q=spread", owner).json().path("items").get(0).path("distinctIps").asInt());

        JsonNode open = Eventually.await("an open IP-spread alarm", WITHIN_SECONDS,
                () -> alarmsOf(owner, userId), a -> a != null && a.path("status").asText().equals("OPEN"));
        assertEquals("IP_SPREAD", open.path("type").asText());
        assertEquals(4, open.path("distinctIps").asInt());
        assertEquals("[\"127.0.0.2\",\"127.0.0.3\",\"127.0.0.4\",\"127.0.0.5\"]", open.path("ipAddresses").toString(),
                "the alarm names its addresses");
        assertEquals("spread", open.path("username").asText());

        assertEquals(204, api.post("/api/auth/logout", tokens.getFirst(), null).status());

        JsonNode resolved = Eventually.await("the alarm to resolve", WITHIN_SECONDS,
                () -> alarmsOf(owner, userId), a -> a.path("status").asText().equals("RESOLVED"));
        assertEquals(open.path("id").asText(), resolved.path("id").asText(), "the same alarm resolves");
        assertEquals("[\"127.0.0.3\",\"127.0.0.4\",\"127.0.0.5\"]", resolved.path("ipAddresses").toString());
        assertEquals(1, api.get("/api/admin/alarms?status=RESOLVED", owner).json().path("items").size()
                - countOtherUsers(owner, userId));
        assertEquals(204, api.post("/api/admin/alarms/" + resolved.path("id").asText() + "/acknowledge", owner, null)
                .status());
        assertEquals("owner", alarmsOf(owner, userId).path("acknowledgedBy").asText());
        JsonNode audited = api.get("/api/admin/audit?type=ALARM_ACKNOWLEDGED&userId=" + userId, owner).json()
                .path("items").get(0);
        assertEquals("owner", audited.path("actorUsername").asText());
    }

    @Test
    void disablingAUserWhoseSessionsSpreadResolvesTheAlarm() {
        String owner = warden.ownerToken();
        String userId = createUser(owner, "offboarded");
        for (int i = 6; i <= 9; i++) {
            warden.clientFrom("127.0.0." + i).login("offboarded", PASSWORD).token();
        }
        Eventually.await("an open IP-spread alarm", WITHIN_SECONDS,
                () -> alarmsOf(owner, userId), a -> a != null && a.path("status").asText().equals("OPEN"));

        assertEquals(200, api.post("/api/admin/users/" + userId + "/disable", owner, null).status());

        JsonNode resolved = Eventually.await("the alarm to resolve", WITHIN_SECONDS,
                () -> alarmsOf(owner, userId), a -> a.path("status").asText().equals("RESOLVED"));
        // The topology resolves at the first end below the threshold: the oldest session is ended first.
        assertEquals("[\"127.0.0.7\",\"127.0.0.8\",\"127.0.0.9\"]", resolved.path("ipAddresses").toString());
        assertEquals(0, api.get("/api/admin/users?q=offboarded", owner).json().path("items").get(0)
                .path("activeSessions").asInt());
    }

    private static int countOtherUsers(String owner, String userId) {
        int others = 0;
        for (JsonNode a : api.get("/api/admin/alarms?status=RESOLVED", owner).json().path("items")) {
            if (!a.path("userId").asText().equals(userId)) {
                others++;
            }
        }
        return others;
    }

    @Test
    void aTerminationReachesTheSessionTerminatedTopicWithItsReason() {
        String owner = warden.ownerToken();
        String userId = createUser(owner, "ended");
        String token = api.login("ended", PASSWORD).token();
        String sessionId = api.get("/api/auth/session", token).json().path("session").path("id").asText();

        assertEquals(204, api.delete("/api/admin/sessions/" + sessionId, owner).status());

        try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.session-terminated")) {
            List<Event> events = tail.until(seen -> seen.stream()
                    .anyMatch(e -> e.data().path("sessionId").asText().equals(sessionId)), WITHIN_SECONDS);
            Event end = events.stream().filter(e -> e.data().path("sessionId").asText().equals(sessionId))
                    .findFirst().orElseThrow();
            assertEquals("warden.session.terminated", end.type());
            assertEquals(userId, end.key());
            assertEquals("ADMIN_TERMINATED", end.data().path("reason").asText());
            assertEquals("ended", end.data().path("username").asText());
            assertTrue(end.data().path("actorId").isTextual());
            assertEquals("1.0", end.cloudEvent().path("specversion").asText());
            assertEquals("warden", end.cloudEvent().path("source").asText());
        }
    }

}
