package dev.warden.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The envelope and its JSON, as both processes use them: the service writes session and account
 * events and reads alarms, the alarm topology reads session events and writes ends and alarms.
 */
class EventJsonTest {
    private static final String USER = "8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11";
    private static final String ADMIN = "c0ffee00-1111-4222-8333-444455556666";
    private static final String SESSION = "3f2b8d4a-6c1e-4f7b-8e2d-5a9c0b1d2e3f";
    private static final Instant CREATED_AT = Instant.parse("2026-11-26T15:04:05.123Z");
    private static final Instant EXPIRES_AT = CREATED_AT.plus(Duration.ofDays(1));
    private static final Instant ENDED_AT = Instant.parse("2026-11-26T16:04:30Z");
    private static final SessionEventData STARTED = SessionEventData.started(SESSION, USER, "alice", "203.0.113.7",
            "Mozilla/5.0 (X11; Linux x86_64)", new ClientData("Firefox", "121.0", "Linux", "", "desktop"), CREATED_AT,
            EXPIRES_AT);

    private static CloudEvent<SessionEventData> created() {
        return CloudEvent.emit("0b6e2f8c-5d7a-4c3e-9f1b-2a4d6c8e0f13", "warden.session.created", CREATED_AT, SESSION,
                STARTED);
    }

    private static CloudEvent<SessionEventData> expired() {
        return CloudEvent.emit("e2c4a6b8-0d1f-4a3c-8e5b-7f9a1c3e5d35", "warden.session.expired", ENDED_AT, SESSION,
                STARTED.ended("IDLE_TIMEOUT", null, ENDED_AT));
    }

    private static CloudEvent<SessionEventData> terminated() {
        return CloudEvent.emit("7d9a1c3e-5b2f-4e8a-b6c4-1f3e5a7c9b24", "warden.session.terminated", ENDED_AT, SESSION,
                STARTED.ended("ADMIN_TERMINATED", ADMIN, ENDED_AT));
    }

    private static CloudEvent<SessionTerminatedData> forwardedEnd() {
        return CloudEvent.emit("5c1f0e2a-8d3b-3b6e-9a7c-2f4e6a8c0b13", "warden.session.terminated", ENDED_AT, SESSION,
                new SessionTerminatedData(SESSION, USER, "alice", "IDLE_TIMEOUT", null, ENDED_AT, EXPIRES_AT));
    }

    private static CloudEvent<IpSpreadAlarmData> alarm(String type, int distinctIps) {
        return CloudEvent.emit("e7a9c1b3-5d2f-3a4c-8b6e-0f1a3c5e7d92", type, CREATED_AT, USER,
                new IpSpreadAlarmData("d4c3b2a1-0f9e-3d8c-b7a6-5f4e3d2c1b0a", USER, "alice", distinctIps,
                        List.of("10.0.0.2", "10.0.0.10", "198.51.100.7", "2001:db8::1").subList(0, distinctIps), 4,
                        CREATED_AT));
    }

    private static CloudEvent<AccountEventData> account(String type, String actorId, String role) {
        return CloudEvent.emit("1d3f5b7a-9c2e-4f6a-8b1d-3e5f7a9c2b4d", "warden.account." + type, CREATED_AT, USER,
                new AccountEventData(USER, "alice", actorId, CREATED_AT, role));
    }

    static Stream<Arguments> everyEventTypeWithItsSchema() {
        return Stream.of(
                Arguments.of("session-created", created()),
                Arguments.of("session-terminated", terminated()),
                Arguments.of("session-expired", expired()),
                Arguments.of("public-session-terminated", forwardedEnd()),
                Arguments.of("alarm-raised", alarm("warden.alarm.ip-spread.raised", 4)),
                Arguments.of("alarm-resolved", alarm("warden.alarm.ip-spread.resolved", 3)),
                Arguments.of("account-created", account("created", null, "OWNER")),
                Arguments.of("account-disabled", account("disabled", ADMIN, null)),
                Arguments.of("account-enabled", account("enabled", ADMIN, null)),
                Arguments.of("account-role-changed", account("role-changed", ADMIN, "ADMIN")),
                Arguments.of("account-password-changed", account("password-changed", USER, null)),
                Arguments.of("account-locked", account("locked", null, null)),
                Arguments.of("account-unlocked", account("unlocked", null, null)));
    }

    @Test
    void aSessionStartIsWrittenExactlyAsTheContractShowsIt() {
        assertEquals("{\"specversion\":\"1.0\",\"id\":\"0b6e2f8c-5d7a-4c3e-9f1b-2a4d6c8e0f13\",\"source\":\"warden\","
                + "\"type\":\"warden.session.created\",\"time\":\"2026-11-26T15:04:05.123Z\","
                + "\"subject\":\"3f2b8d4a-6c1e-4f7b-8e2d-5a9c0b1d2e3f\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"sessionId\":\"3f2b8d4a-6c1e-4f7b-8e2d-5a9c0b1d2e3f\","
                + "\"userId\":\"8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11\",\"username\":\"alice\","
                + "\"ipAddress\":\"203.0.113.7\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64)\","
                + "\"client\":{\"browser\":\"Firefox\",\"browserVersion\":\"121.0\",\"os\":\"Linux\","
                + "\"osVersion\":\"\",\"deviceType\":\"desktop\"},"
                + "\"createdAt\":\"2026-11-26T15:04:05.123Z\",\"expiresAt\":\"2026-11-27T15:04:05.123Z\"}}",
                EventJson.write(created()));
    }

    @Test
    void anExpiryAddsItsEndAfterTheSessionWithAnExplicitNullActor() {
        String json = EventJson.write(expired());

        assertTrue(json.endsWith(",\"expiresAt\":\"2026-11-27T15:04:05.123Z\",\"reason\":\"IDLE_TIMEOUT\","
                + "\"actorId\":null,\"endedAt\":\"2026-11-26T16:04:30Z\"}}"), json);
    }

    @Test
    void anEndLeavesTheClientToTheCreate() {
        assertTrue(!EventJson.write(terminated()).contains("\"client\""), EventJson.write(terminated()));
    }

    @Test
    void theCreatedSchemaRefusesAClientWithAPartMissingOrAnUnknownDeviceType() {
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(EventSchemas.read("session-created"), InputFormat.JSON);
        String valid = EventJson.write(created());
        assertTrue(schema.validate(valid, InputFormat.JSON).isEmpty());
        for (String broken : List.of(valid.replace("\"deviceType\":\"desktop\"", "\"deviceType\":\"laptop\""),
                valid.replace("\"osVersion\":\"\",", ""),
                valid.replace("\"browser\":\"Firefox\"", "\"browser\":null"),
                valid.replaceAll("\"client\":\\{[^}]*},", ""))) {
            assertTrue(!broken.equals(valid), "the replacement applied");
            assertTrue(!schema.validate(broken, InputFormat.JSON).isEmpty(), broken);
        }
    }

    @Test
    void anAccountEventNamesARoleOnlyWhereItSetsOne() {
        assertTrue(EventJson.write(account("locked", null, null)).endsWith(
                "\"data\":{\"userId\":\"" + USER + "\",\"username\":\"alice\",\"actorId\":null,"
                        + "\"at\":\"2026-11-26T15:04:05.123Z\"}}"));
        assertTrue(EventJson.write(account("role-changed", ADMIN, "USER")).endsWith(
                "\"at\":\"2026-11-26T15:04:05.123Z\",\"role\":\"USER\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventTypeWithItsSchema")
    void everyEventMatchesItsPublishedSchema(String schemaName, CloudEvent<?> event) {
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(EventSchemas.read(schemaName), InputFormat.JSON);

        List<Error> errors = schema.validate(EventJson.write(event), InputFormat.JSON);

        assertTrue(errors.isEmpty(), errors + " in " + EventJson.write(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventTypeWithItsSchema")
    void everyEventRoundTrips(String schemaName, CloudEvent<?> event) {
        Class<?> dataType = event.data().getClass();

        assertEquals(event, EventJson.read(EventJson.write(event), dataType));
    }

    @Test
    void whatTheServicePublishesTheAlarmTopologyReads() {
        for (CloudEvent<SessionEventData> published : List.of(created(), terminated(), expired())) {
            // The service's producer sends the JSON text through Kafka's StringSerializer (UTF-8) ...
            byte[] onTheWire = EventJson.write(published).getBytes(StandardCharsets.UTF_8);

            // ... and the topology's serde reads those bytes as a CloudEvent of SessionEventData.
            CloudEvent<SessionEventData> read = EventJson.read(onTheWire, EventJson.cloudEventOf(SessionEventData.class));

            assertEquals(published, read);
        }
        assertNull(EventJson.read(EventJson.write(created()), SessionEventData.class).data().actorId(),
                "a start has no end fields");
    }

    @Test
    void whatTheAlarmTopologyPublishesTheServiceReads() {
        CloudEvent<IpSpreadAlarmData> raised = alarm("warden.alarm.ip-spread.raised", 4);
        // The topology's serde writes bytes; the service's consumer reads them as text (StringDeserializer).
        String onTheWire = new String(EventJson.writeBytes(raised), StandardCharsets.UTF_8);

        assertEquals(raised, EventJson.read(onTheWire, IpSpreadAlarmData.class));
    }

    @Test
    void fieldsAReaderDoesNotKnowAreIgnored() {
        String newer = EventJson.write(created()).replace("\"data\":{", "\"traceparent\":\"00-abc\",\"data\":{\"region\":\"eu\",");

        assertEquals(created(), EventJson.read(newer, SessionEventData.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"distinctIps\":4|\"distinctIps\":\"4\"",
            "\"distinctIps\":4|\"distinctIps\":4.5",
            "\"threshold\":4,|",
            "\"username\":\"alice\"|\"username\":17",
            "\"10.0.0.10\"|10",
            "\"at\":\"2026-11-26T15:04:05.123Z\"|\"at\":\"yesterday\"",
            "\"data\":{|\"data\":[{",
    })
    void readingConvertsNothingAndMissesNoRequiredNumber(String replacement) {
        String[] parts = replacement.split("\\|", -1);
        String valid = EventJson.write(alarm("warden.alarm.ip-spread.raised", 4));
        String broken = valid.replace(parts[0], parts[1]);
        assertTrue(!broken.equals(valid), "the replacement applied");

        assertThrows(EventJson.MalformedJson.class, () -> EventJson.read(broken, IpSpreadAlarmData.class));
    }

    @Test
    void anUnknownSchemaNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.read("session-paused"));
    }
}
