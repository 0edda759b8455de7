package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.warden.bootstrap.e2e.TopicTail.Event;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import dev.warden.events.EventSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schemas (in the events module, {@link EventSchemas}) describe the events Warden
 * really produces: every event type is produced here through the real service and broker and validated
 * against its schema.
 */
class EventSchemasIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Schema schema(String name) {
        return REGISTRY.getSchema(EventSchemas.read(name), InputFormat.JSON);
    }

    private static void assertValid(Schema schema, Event event) {
        List<Error> errors = schema.validate(event.cloudEvent().toString(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + event.cloudEvent());
    }

    @Test
    void everyEventTypeMatchesItsPublishedSchema() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0);
             RunningWarden warden = RunningWarden.start(Map.of("WARDEN_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                "WARDEN_SESSION_SWEEP_INTERVAL", "PT1H"))) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            assertEquals(201, api.post("/api/admin/users", owner,
                    "{\"username\":\"schema\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}").status());
            String first = warden.clientFrom("127.0.0.2").login("schema", PASSWORD).token();
            String terminated = api.get("/api/auth/session", first).json().path("session").path("id").asText();
            assertEquals(204, api.delete("/api/admin/sessions/" + terminated, owner).status());
            List<String> tokens = new ArrayList<>();
            for (int i = 3; i <= 6; i++) { // four more addresses: the alarm is raised
                tokens.add(warden.clientFrom("127.0.0." + i).login("schema", PASSWORD).token());
            }
            // An hour passes: every remaining session idles out, they expire and the alarm resolves.
            warden.clock.advance(Duration.ofMinutes(60).plusSeconds(1));
            warden.app.sweepExpiredSessions();

            Set<String> sessionTypes;
            try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.session-events")) {
                List<Event> events = tail.until(seen -> types(seen).containsAll(Set.of("warden.session.created",
                        "warden.session.terminated", "warden.session.expired")), Duration.ofSeconds(30));
                sessionTypes = types(events);
                for (Event e : events) {
                    assertValid(schema(switch (e.type()) {
                        case "warden.session.created" -> "session-created";
                        case "warden.session.terminated" -> "session-terminated";
                        case "warden.session.expired" -> "session-expired";
                        default -> throw new AssertionError("unexpected type " + e.type());
                    }), e);
                }
            }
            try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.session-terminated")) {
                Schema forwarded = schema("public-session-terminated");
                tail.until(seen -> seen.size() >= 5, Duration.ofSeconds(30)).forEach(e -> assertValid(forwarded, e));
            }
            try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.session-alarms")) {
                List<Event> alarms = tail.until(seen -> types(seen).containsAll(Set.of(
                        "warden.alarm.ip-spread.raised", "warden.alarm.ip-spread.resolved")), Duration.ofSeconds(30));
                for (Event e : alarms) {
                    assertValid(schema(e.type().endsWith("raised") ? "alarm-raised" : "alarm-resolved"), e);
                }
            }
            assertEquals(3, sessionTypes.size());
        }
    }

    @Test
    void everyAccountEventAndEveryNewEndReasonMatchesItsPublishedSchema() throws Exception {
        try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_LOCKOUT_THRESHOLD", "2"))) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            var created = api.post("/api/admin/users", owner,
                    "{\"username\":\"schema-acct\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
            assertEquals(201, created.status(), created.body());
            String id = created.json().path("id").asText();
            String users = "/api/admin/users/" + id;
            assertEquals(200, api.send("PUT", users + "/role", owner, "{\"role\":\"ADMIN\"}", Map.of()).status());
            api.login("schema-acct", PASSWORD).token();
            assertEquals(200, api.post(users + "/disable", owner, null).status());
            assertEquals(204, api.post(users + "/enable", owner, null).status());
            api.login("schema-acct", "wrong guess number one");
            api.login("schema-acct", "wrong guess number two");
            assertEquals(204, api.post(users + "/unlock", owner, null).status());
            String laptop = api.login("schema-acct", PASSWORD).token();
            api.login("schema-acct", PASSWORD).token();
            assertEquals(204, api.post("/api/auth/password", laptop,
                    "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another fine passphrase\"}").status());
            assertEquals(200, api.post(users + "/password", owner, "{\"password\":\"" + PASSWORD + "\"}").status());

            Set<String> accountTypes = Set.of("warden.account.created", "warden.account.role-changed",
                    "warden.account.disabled", "warden.account.enabled", "warden.account.locked",
                    "warden.account.unlocked", "warden.account.password-changed");
            try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.account-events")) {
                List<Event> mine = tail.until(seen -> types(ofUser(seen, id)).containsAll(accountTypes)
                        && ofUser(seen, id).size() >= 8, Duration.ofSeconds(30));
                for (Event e : ofUser(mine, id)) {
                    assertValid(schema("account-" + e.type().substring("warden.account.".length())), e);
                }
            }
            Set<String> reasons = Set.of("ACCOUNT_DISABLED", "PASSWORD_CHANGED", "PASSWORD_RESET");
            try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.session-events")) {
                List<Event> ends = tail.until(seen -> reasonsOf(ofUser(seen, id)).containsAll(reasons),
                        Duration.ofSeconds(30));
                Schema terminated = schema("session-terminated");
                ofUser(ends, id).stream().filter(e -> e.type().equals("warden.session.terminated"))
                        .forEach(e -> assertValid(terminated, e));
            }
            try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.session-terminated")) {
                List<Event> forwarded = tail.until(seen -> reasonsOf(ofUser(seen, id)).containsAll(reasons),
                        Duration.ofSeconds(30));
                Schema schema = schema("public-session-terminated");
                ofUser(forwarded, id).forEach(e -> assertValid(schema, e));
            }
        }
    }

    private static List<Event> ofUser(List<Event> events, String userId) {
        return events.stream().filter(e -> userId.equals(e.key())).toList();
    }

    private static Set<String> reasonsOf(List<Event> events) {
        return events.stream().map(e -> e.data().path("reason").asText()).collect(Collectors.toSet());
    }

    @Test
    void theAccountSchemasRejectAnEventThatDriftsFromTheContract() throws Exception {
        String disabled = """
                {"specversion":"1.0","id":"0b6e2f8c-5d7a-4c3e-9f1b-2a4d6c8e0f13","source":"warden",
                 "type":"warden.account.disabled","time":"2026-11-26T15:04:05.123Z",
                 "subject":"8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11","datacontenttype":"application/json",
                 "data":{"userId":"8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11","username":"alice",
                  "actorId":"c0ffee00-1111-4222-8333-444455556666","at":"2026-11-26T15:04:05.123Z"}}""";
        Schema schema = schema("account-disabled");
        assertTrue(schema.validate(disabled, InputFormat.JSON).isEmpty());
        assertTrue(!schema.validate(disabled.replace("\"at\"", "\"role\":\"USER\",\"at\""), InputFormat.JSON).isEmpty(),
                "role only where it changed");
        assertTrue(!schema.validate(disabled.replace("\"username\":\"alice\",", ""), InputFormat.JSON).isEmpty());
        assertTrue(!schema("account-role-changed").validate(disabled.replace("account.disabled", "account.role-changed"),
                InputFormat.JSON).isEmpty(), "a role change names the role");
    }

    @Test
    void theSchemasRejectAnEventThatDriftsFromTheContract() throws Exception {
        Schema created = schema("session-created");
        String valid = """
                {"specversion":"1.0","id":"0b6e2f8c-5d7a-4c3e-9f1b-2a4d6c8e0f13","source":"warden",
                 "type":"warden.session.created","time":"2026-11-26T15:04:05.123Z",
                 "subject":"3f2b8d4a-6c1e-4f7b-8e2d-5a9c0b1d2e3f","datacontenttype":"application/json",
                 "data":{"sessionId":"3f2b8d4a-6c1e-4f7b-8e2d-5a9c0b1d2e3f","userId":"8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11",
                  "username":"alice","ipAddress":"203.0.113.7","userAgent":"curl/8",
                  "client":{"browser":"Curl","browserVersion":"8","os":"Cloud","osVersion":"","deviceType":"bot"},
                  "createdAt":"2026-11-26T15:04:05.123Z","expiresAt":"2026-11-27T15:04:05.123Z"}}""";
        assertTrue(created.validate(valid, InputFormat.JSON).isEmpty());
        assertTrue(!created.validate(valid.replace("\"bot\"", "\"robot\""), InputFormat.JSON).isEmpty(),
                "deviceType is one of the five");
        assertTrue(!created.validate(valid.replace("\"username\":\"alice\",", ""), InputFormat.JSON).isEmpty());
        assertTrue(!created.validate(valid.replace("\"curl/8\"", "\"curl/8\",\"token\":\"x\""), InputFormat.JSON).isEmpty());
    }

    private static Set<String> types(List<Event> events) {
        return events.stream().map(Event::type).collect(Collectors.toSet());
    }
}
