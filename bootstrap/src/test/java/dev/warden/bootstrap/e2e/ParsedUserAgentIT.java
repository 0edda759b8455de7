package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.e2e.TopicTail.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The User-Agent a browser logs in with, as a responder reads it: parsed on the server (Yauaa, through
 * the real wiring) into {@code client} on every session the API shows and on {@code warden.session.created}.
 */
class ParsedUserAgentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a fine long passphrase";
    private static final String SAMSUNG = "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36"
            + " (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String SAMSUNG_CLIENT = """
            {"browser":"Samsung Internet","browserVersion":"23.0","os":"Android","osVersion":"13","deviceType":"mobile"}""";

    @Test
    void givenLoginsFromAPhoneABotAndGarbage_thenEverySessionViewAndTheCreatedEventNameTheirClients() throws Exception {
        try (RunningWarden warden = RunningWarden.start()) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            var created = api.post("/api/admin/users", owner,
                    "{\"username\":\"phone-user\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
            assertEquals(201, created.status(), created.body());
            String userId = created.json().path("id").asText();

            var phoneLogin = api.login("phone-user", PASSWORD, Map.of("User-Agent", SAMSUNG));
            String phone = phoneLogin.token();
            String phoneSession = phoneLogin.json().path("session").path("id").asText();
            assertEquals(JSON.readTree(SAMSUNG_CLIENT), phoneLogin.json().path("session").path("client"), "login answer");
            api.login("phone-user", PASSWORD, Map.of("User-Agent", GOOGLEBOT)).token();
            api.login("phone-user", PASSWORD, Map.of("User-Agent", "'; DROP TABLE sessions; --")).token();

            // The admin Sessions list: the same header, read the same way, for every row.
            var page = api.get("/api/admin/sessions?userId=" + userId, owner);
            assertEquals(200, page.status(), page.body());
            assertEquals(3, page.json().path("items").size(), page.body());
            for (JsonNode session : page.json().path("items")) {
                JsonNode client = session.path("client");
                switch (session.path("userAgent").asText()) {
                    case SAMSUNG -> assertEquals(JSON.readTree(SAMSUNG_CLIENT), client);
                    case GOOGLEBOT -> {
                        assertEquals("Googlebot", client.path("browser").asText());
                        assertEquals("bot", client.path("deviceType").asText());
                    }
                    default -> assertEquals(JSON.readTree("""
                            {"browser":"Unknown","browserVersion":"","os":"Unknown","osVersion":"","deviceType":"unknown"}"""),
                            client, "garbage reads as unknown, never a 500: " + session);
                }
            }
            // The caller's own list and current session.
            var own = api.get("/api/auth/sessions", phone);
            assertEquals(200, own.status(), own.body());
            for (JsonNode session : own.json().path("items")) {
                if (session.path("current").asBoolean()) {
                    assertEquals(JSON.readTree(SAMSUNG_CLIENT), session.path("client"));
                }
            }
            assertEquals(JSON.readTree(SAMSUNG_CLIENT),
                    api.get("/api/auth/session", phone).json().path("session").path("client"));

            // Other services learn it from the created event.
            try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.session-events")) {
                List<Event> events = tail.until(seen -> seen.stream().anyMatch(e -> isCreated(e, phoneSession)),
                        Duration.ofSeconds(30));
                Event phoneCreated = events.stream().filter(e -> isCreated(e, phoneSession)).findFirst().orElseThrow();
                assertEquals(JSON.readTree(SAMSUNG_CLIENT), phoneCreated.data().path("client"));
                assertEquals(SAMSUNG, phoneCreated.data().path("userAgent").asText());
            }
        }
    }

    private static boolean isCreated(Event event, String sessionId) {
        return event.type().equals("warden.session.created") && event.data().path("sessionId").asText().equals(sessionId);
    }
}
