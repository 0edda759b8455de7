package dev.warden.adapter.kafka;

import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.Role;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import dev.warden.events.EventTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class AccountEventCloudEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-26T15:04:05.123Z");
    private final UserId user = UserId.parse("8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11");
    private final UserId admin = UserId.parse("c0ffee00-1111-4222-8333-444455556666");
    private final Account alice = anAccount("alice").withId(user).withPasswordHash("$argon2id$secret-hash").createdAt(AT)
            .build();

    @Test
    void givenDisabledEvent_whenEncoded_thenCloudEventsEnvelopeAndAccountDataWithoutRole() throws Exception {
        AccountEvent event = AccountEvent.of(AccountEvent.Type.DISABLED, alice, admin, AT);

        String encoded = AccountEventCloudEvents.encode(event);
        JsonNode json = JSON.readTree(encoded);

        assertEquals(List.of("specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data"),
                fieldNames(json));
        assertEquals("1.0", json.get("specversion").asText());
        assertEquals(event.eventId().toString(), json.get("id").asText());
        assertEquals("warden", json.get("source").asText());
        assertEquals("warden.account.disabled", json.get("type").asText());
        assertEquals("2026-11-26T15:04:05.123Z", json.get("time").asText());
        assertEquals(user.toString(), json.get("subject").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        JsonNode data = json.get("data");
        assertEquals(List.of("userId", "username", "actorId", "at"), fieldNames(data));
        assertEquals(user.toString(), data.get("userId").asText());
        assertEquals("alice", data.get("username").asText());
        assertEquals(admin.toString(), data.get("actorId").asText());
        assertEquals("2026-11-26T15:04:05.123Z", data.get("at").asText());
        assertTrue(!encoded.contains("argon2id"), "never the hash");
    }

    @Test
    void givenRoleChangeAndCreation_whenEncoded_thenTheRoleIsIncluded() throws Exception {
        for (AccountEvent.Type type : List.of(AccountEvent.Type.CREATED, AccountEvent.Type.ROLE_CHANGED)) {
            JsonNode data = JSON.readTree(AccountEventCloudEvents.encode(
                    AccountEvent.of(type, alice.withRole(Role.ADMIN), admin, AT))).get("data");

            assertEquals(List.of("userId", "username", "actorId", "at", "role"), fieldNames(data));
            assertEquals("ADMIN", data.get("role").asText());
        }
    }

    @Test
    void givenLockCausedByFailedLogins_whenEncoded_thenTheActorIsAnExplicitNull() throws Exception {
        JsonNode data = JSON.readTree(AccountEventCloudEvents.encode(
                AccountEvent.of(AccountEvent.Type.LOCKED, alice, null, AT))).get("data");

        assertTrue(data.has("actorId"));
        assertTrue(data.get("actorId").isNull());
    }

    @Test
    void eachKindOfOutboxEventGoesToItsTopicKeyedByItsUser() {
        ProducerRecord<String, String> account = KafkaEventPublisher.record(
                AccountEvent.of(AccountEvent.Type.ENABLED, alice, admin, AT));
        ProducerRecord<String, String> session = KafkaEventPublisher.record(
                SessionEvents.created(user, SessionId.random()));

        assertEquals(EventTopics.ACCOUNT_EVENTS, account.topic());
        assertEquals("warden.account-events", account.topic());
        assertEquals(user.toString(), account.key());
        assertEquals(EventTopics.SESSION_EVENTS, session.topic());
        assertEquals(user.toString(), session.key());
        assertTrue(EventTopics.ALL.contains(EventTopics.ACCOUNT_EVENTS), "created at start-up");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
