package dev.warden.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionEventCloudEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final UserId user = UserId.parse("8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11");
    private final SessionId session = SessionId.parse("3f2b8d4a-6c1e-4f7b-8e2d-5a9c0b1d2e3f");

    @Test
    void givenCreatedEvent_whenEncoded_thenCloudEventsEnvelopeAndSessionData() throws Exception {
        SessionEvent event = SessionEvents.created(user, session);

        JsonNode json = JSON.readTree(SessionEventCloudEvents.encode(event));

        assertEquals(List.of("specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data"),
                fieldNames(json));
        assertEquals("1.0", json.get("specversion").asText());
        assertEquals(event.eventId().toString(), json.get("id").asText());
        assertEquals("warden", json.get("source").asText());
        assertEquals("warden.session.created", json.get("type").asText());
        assertEquals("2026-11-26T15:04:05Z", json.get("time").asText());
        assertEquals(session.toString(), json.get("subject").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        JsonNode data = json.get("data");
        assertEquals(List.of("sessionId", "userId", "username", "ipAddress", "userAgent", "client", "createdAt",
                "expiresAt"), fieldNames(data));
        assertEquals(session.toString(), data.get("sessionId").asText());
        assertEquals(user.toString(), data.get("userId").asText());
        assertEquals("alice", data.get("username").asText());
        assertEquals("203.0.113.7", data.get("ipAddress").asText());
        assertEquals("Mozilla/5.0 (X11; Linux x86_64)", data.get("userAgent").asText());
        assertEquals(JSON.readTree("{\"browser\":\"Firefox\",\"browserVersion\":\"140.0\",\"os\":\"Linux\","
                + "\"osVersion\":\"\",\"deviceType\":\"desktop\"}"), data.get("client"));
        assertEquals("2026-11-26T15:04:05Z", data.get("createdAt").asText());
        assertEquals("2026-11-27T15:04:05Z", data.get("expiresAt").asText());
    }

    @Test
    void givenTerminatedEvent_whenEncoded_thenReasonActorAndEndTimeIncluded() throws Exception {
        UserId admin = UserId.parse("c0ffee00-1111-4222-8333-444455556666");
        Instant endedAt = Instant.parse("2026-11-26T16:00:00.123456Z");

        JsonNode json = JSON.readTree(SessionEventCloudEvents.encode(
                SessionEvents.terminated(user, session, admin, endedAt)));

        assertEquals("warden.session.terminated", json.get("type").asText());
        assertEquals("2026-11-26T16:00:00.123456Z", json.get("time").asText());
        JsonNode data = json.get("data");
        assertEquals("ADMIN_TERMINATED", data.get("reason").asText());
        assertEquals(admin.toString(), data.get("actorId").asText());
        assertEquals("2026-11-26T16:00:00.123456Z", data.get("endedAt").asText());
        assertEquals("2026-11-26T15:04:05Z", data.get("createdAt").asText());
        assertTrue(!data.has("client"), "the created event told the client");
    }

    @Test
    void givenExpiredEvent_whenEncoded_thenActorIdIsExplicitlyNull() throws Exception {
        Instant endedAt = Instant.parse("2026-11-26T16:04:05Z");

        JsonNode json = JSON.readTree(SessionEventCloudEvents.encode(SessionEvents.expired(user, session, endedAt)));

        assertEquals("warden.session.expired", json.get("type").asText());
        JsonNode data = json.get("data");
        assertEquals("IDLE_TIMEOUT", data.get("reason").asText());
        assertTrue(data.has("actorId"), "actorId is present");
        assertTrue(data.get("actorId").isNull(), "nobody ended an expired session");
        assertEquals("2026-11-26T16:04:05Z", data.get("endedAt").asText());
    }

    @Test
    void givenCreatedEvent_whenEncoded_thenNoEndFields() throws Exception {
        JsonNode data = JSON.readTree(SessionEventCloudEvents.encode(SessionEvents.created(user, session))).get("data");

        assertFalse(data.has("reason"));
        assertFalse(data.has("actorId"));
        assertFalse(data.has("endedAt"));
    }

    @Test
    void givenAnyEvent_whenKeyed_thenKeyIsTheUserId() {
        assertEquals("8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11",
                SessionEventCloudEvents.key(SessionEvents.expired(user, session, Instant.now())));
    }

    @Test
    void givenSameEvent_whenEncodedTwice_thenIdentical() {
        SessionEvent event = SessionEvents.created(user, session);

        assertEquals(SessionEventCloudEvents.encode(event), SessionEventCloudEvents.encode(event));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
