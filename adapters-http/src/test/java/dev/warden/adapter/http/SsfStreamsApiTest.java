package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapter.http.TestServer.Reply;
import dev.warden.domain.Account;
import dev.warden.domain.SecurityEvent;
import dev.warden.domain.SsfEventTypes;
import dev.warden.domain.testdata.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Stream Management API (SSF 1.0 section 8), its status, subjects and verification, RFC 8936
 * poll delivery, the transmitter metadata and the admin stream list: every route and its errors,
 * over the real stream use cases and in-memory stores (FakeWarden), with the fake signer (a SET
 * reads {@code signed:<jti>}; its content is what the signer was given).
 */
class SsfStreamsApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String BASE = "https://warden.example.com";
    private static final String POLL = "urn:ietf:rfc:8936";
    private static final String PUSH = "urn:ietf:rfc:8935";

    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN).withPublicUrl(BASE);
    @RegisterExtension
    static final ApiServer withoutPublicUrl = ApiServer.over(WARDEN);

    private static String[] admin() {
        return new String[] {"Authorization", "Bearer " + WARDEN.adminToken.reveal()};
    }

    /** A registered receiver and its token with {@code scope}: its client id and the bearer header. */
    private record Receiver(String clientId, String[] auth) {
    }

    private static Receiver receiver(String scope) {
        Reply created = server.post("/api/admin/ssf/clients", "{\"name\":\"Receiver\"}", admin());
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("clientId").asText();
        Reply token = server.send("POST", "/oauth2/token", "grant_type=client_credentials&client_id=" + id
                + "&client_secret=" + created.json().get("clientSecret").asText() + "&scope=" + scope,
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, token.status(), token.body());
        return new Receiver(id, new String[] {"Authorization", "Bearer " + token.json().get("access_token").asText()});
    }

    private static Receiver manager() {
        return receiver("ssf.manage%20ssf.read");
    }

    private static JsonNode created(Receiver r, String body) {
        Reply reply = server.post("/ssf/streams", body, r.auth());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static String pollStream(Receiver r) {
        return created(r, "{}").get("stream_id").asText();
    }

    private static JsonNode poll(Receiver r, String streamId, String body) {
        Reply reply = server.post("/ssf/poll/" + streamId, body, r.auth());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static void assertProblem(Reply reply, int status, String slug) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(slug, reply.problem(), reply.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The event the fake signer was given for the SET with this jti. */
    private static SecurityEvent signed(String jti) {
        return WARDEN.receivers.signer.signed.stream().filter(e -> e.jti().equals(jti)).reduce((a, b) -> b)
                .orElseThrow();
    }

    // ---- metadata ----

    @Test
    void theTransmitterMetadataNamesEveryEndpointAbsolutely() {
        Reply reply = server.get("/.well-known/ssf-configuration");

        assertEquals(200, reply.status());
        JsonNode json = reply.json();
        assertEquals("1_0", json.get("spec_version").asText());
        assertEquals(BASE, json.get("issuer").asText());
        assertEquals(BASE + "/ssf/jwks", json.get("jwks_uri").asText());
        assertEquals(BASE + "/ssf/streams", json.get("configuration_endpoint").asText());
        assertEquals(BASE + "/ssf/status", json.get("status_endpoint").asText());
        assertEquals(BASE + "/ssf/subjects:add", json.get("add_subject_endpoint").asText());
        assertEquals(BASE + "/ssf/subjects:remove", json.get("remove_subject_endpoint").asText());
        assertEquals(BASE + "/ssf/verify", json.get("verification_endpoint").asText());
        assertEquals(List.of(PUSH, POLL), strings(json.get("delivery_methods_supported")));
        assertEquals("urn:ietf:rfc:6749", json.get("authorization_schemes").get(0).get("spec_urn").asText());
        assertEquals("ALL", json.get("default_subjects").asText());
    }

    @Test
    void withoutAPublicUrl_everyStreamRouteIs404() {
        for (String[] call : List.of(new String[] {"GET", "/.well-known/ssf-configuration"},
                new String[] {"GET", "/ssf/streams"}, new String[] {"POST", "/ssf/verify"},
                new String[] {"GET", "/ssf/status?stream_id=x"}, new String[] {"POST", "/ssf/poll/x"},
                new String[] {"GET", "/api/admin/ssf/streams"})) {
            Reply reply = withoutPublicUrl.send(call[0], call[1], call[0].equals("POST") ? "{}" : null, admin());
            assertEquals(404, reply.status(), call[1] + " " + reply.body());
        }
    }

    // ---- creating, reading, updating, deleting ----

    @Test
    void givenNoDelivery_whenCreating_thenAnEnabledPollStreamWithWardensEndpointAndEveryType() {
        Receiver r = manager();

        JsonNode stream = created(r, "{\"description\":\"Security lake\"}");

        String id = stream.get("stream_id").asText();
        assertEquals(BASE, stream.get("iss").asText());
        assertEquals(r.clientId(), stream.get("aud").asText());
        assertEquals(POLL, stream.get("delivery").get("method").asText());
        assertEquals(BASE + "/ssf/poll/" + id, stream.get("delivery").get("endpoint_url").asText());
        assertEquals(SsfEventTypes.SUPPORTED, strings(stream.get("events_supported")));
        assertEquals(SsfEventTypes.SUPPORTED, strings(stream.get("events_delivered")));
        assertFalse(stream.has("events_requested"));
        assertEquals(15, stream.get("min_verification_interval").asInt());
        assertEquals("Security lake", stream.get("description").asText());
        Reply status = server.get("/ssf/status?stream_id=" + id, r.auth());
        assertEquals("enabled", status.json().get("status").asText());
    }

    @Test
    void eventsDeliveredAreTheRequestedOnesWardenSupports_unknownOnesIgnored() {
        JsonNode stream = created(manager(), "{\"events_requested\":[\"" + SsfEventTypes.SESSION_REVOKED
                + "\",\"urn:example:unknown\"]}");

        assertEquals(List.of(SsfEventTypes.SESSION_REVOKED, "urn:example:unknown"),
                strings(stream.get("events_requested")));
        assertEquals(List.of(SsfEventTypes.SESSION_REVOKED), strings(stream.get("events_delivered")));
    }

    @Test
    void aPushStreamKeepsItsAuthorizationHeaderButNeverShowsIt() {
        Receiver r = manager();
        JsonNode stream = created(r, "{\"delivery\":{\"method\":\"" + PUSH + "\",\"endpoint_url\":"
                + "\"https://receiver.example.com/events\",\"authorization_header\":\"Bearer s3cret-value\"}}");

        assertEquals("https://receiver.example.com/events", stream.get("delivery").get("endpoint_url").asText());
        Reply read = server.get("/ssf/streams?stream_id=" + stream.get("stream_id").asText(), r.auth());
        Reply admin = server.get("/api/admin/ssf/streams", admin());
        for (Reply reply : List.of(read, admin)) {
            assertEquals(200, reply.status(), reply.body());
            assertFalse(reply.body().contains("s3cret-value"), reply.body());
        }
        assertFalse(stream.toString().contains("s3cret-value"));
        String kept = WARDEN.receivers.streams.listAll().getFirst().delivery().authorizationHeader();
        assertEquals("Bearer s3cret-value", kept);
    }

    @Test
    void badConfigurationsAre400AndCreateNothing() {
        Receiver r = manager();
        for (String body : List.of(
                "{\"delivery\":{\"method\":\"urn:example:carrier-pigeon\"}}",
                "{\"delivery\":{\"method\":\"" + PUSH + "\"}}",
                "{\"delivery\":{\"method\":\"" + PUSH + "\",\"endpoint_url\":\"http://receiver.example.com/e\"}}",
                "{\"delivery\":{\"method\":\"" + PUSH + "\",\"endpoint_url\":\"ftp://receiver.example.com/e\"}}",
                "{\"delivery\":{\"method\":\"" + PUSH + "\",\"endpoint_url\":\"https://u:p@receiver.example.com/\"}}",
                "{\"delivery\":{\"method\":\"" + POLL + "\",\"endpoint_url\":\"https://receiver.example.com/e\"}}",
                "{\"delivery\":\"poll\"}",
                "{\"events_requested\":[\"urn:example:only-unknown\"]}",
                "{\"events_requested\":\"" + SsfEventTypes.SESSION_REVOKED + "\"}",
                "{\"events_requested\":[42]}",
                "{\"description\":\"nul\\u0000byte\"}",
                "{\"description\":\"" + "x".repeat(257) + "\"}",
                "{\"stream_id\":\"3b241101-e2bb-4255-8caf-4136c566a962\"}",
                "{\"aud\":\"someone\"}",
                "{\"colour\":\"blue\"}",
                "{\"description\":",
                "[]",
                "{\"description\":\"" + "x".repeat(17 * 1024) + "\"}")) {
            Reply reply = server.post("/ssf/streams", body, r.auth());
            assertProblem(reply, 400, "invalid-request");
        }
        assertProblem(server.send("POST", "/ssf/streams", "{}", r.auth()[0], r.auth()[1], "Content-Type",
                "text/plain"), 400, "invalid-request");
        assertEquals("[]", server.get("/ssf/streams", r.auth()).body());
    }

    @Test
    void aReceiverListsAndReadsOnlyItsOwnStreams_anotherClientsIs404() {
        Receiver mine = manager();
        Receiver other = manager();
        String first = pollStream(mine);
        String second = pollStream(mine);
        String theirs = pollStream(other);

        Reply list = server.get("/ssf/streams", mine.auth());
        assertEquals(200, list.status());
        assertTrue(list.json().isArray());
        // Oldest first; both were created at the fixture's one instant, so only the set is certain here.
        assertEquals(java.util.Set.of(first, second), java.util.Set.copyOf(list.json().findValuesAsText("stream_id")));
        assertEquals(first, server.get("/ssf/streams?stream_id=" + first, mine.auth()).json().get("stream_id").asText());
        for (Reply reply : List.of(server.get("/ssf/streams?stream_id=" + theirs, mine.auth()),
                server.get("/ssf/status?stream_id=" + theirs, mine.auth()),
                server.delete("/ssf/streams?stream_id=" + theirs, mine.auth()),
                server.post("/ssf/verify", "{\"stream_id\":\"" + theirs + "\"}", mine.auth()),
                server.post("/ssf/poll/" + theirs, "{\"returnImmediately\":true}", mine.auth()),
                server.get("/ssf/streams?stream_id=not-a-uuid", mine.auth()))) {
            assertProblem(reply, 404, "not-found");
        }
        assertProblem(server.get("/ssf/streams?stream_id=" + first + "&stream_id=" + second, mine.auth()), 400,
                "invalid-request");
    }

    @Test
    void patchChangesOnlyWhatIsSent_putReplacesEverything() {
        Receiver r = manager();
        String id = created(r, "{\"description\":\"old\",\"events_requested\":[\"" + SsfEventTypes.SESSION_REVOKED
                + "\"]}").get("stream_id").asText();

        Reply patched = server.send("PATCH", "/ssf/streams", "{\"stream_id\":\"" + id + "\",\"description\":\"new\"}",
                r.auth());
        assertEquals(200, patched.status(), patched.body());
        assertEquals("new", patched.json().get("description").asText());
        assertEquals(List.of(SsfEventTypes.SESSION_REVOKED), strings(patched.json().get("events_delivered")));

        // A receiver that PUTs back what it read (transmitter values included) changes nothing it did not mean to.
        JsonNode read = server.get("/ssf/streams?stream_id=" + id, r.auth()).json();
        Reply same = server.send("PUT", "/ssf/streams", read.toString(), r.auth());
        assertEquals(200, same.status(), same.body());
        assertEquals(read, same.json());

        Reply replaced = server.send("PUT", "/ssf/streams", "{\"stream_id\":\"" + id + "\"}", r.auth());
        assertEquals(200, replaced.status(), replaced.body());
        assertFalse(replaced.json().has("description"));
        assertFalse(replaced.json().has("events_requested"));
        assertEquals(SsfEventTypes.SUPPORTED, strings(replaced.json().get("events_delivered")));
    }

    @Test
    void updatesWithMismatchedTransmitterValuesOrNoStreamIdAre400() {
        Receiver r = manager();
        String id = pollStream(r);
        for (String body : List.of("{\"description\":\"x\"}",
                "{\"stream_id\":\"" + id + "\",\"iss\":\"https://evil.example.com\"}",
                "{\"stream_id\":\"" + id + "\",\"aud\":\"someone-else\"}",
                "{\"stream_id\":\"" + id + "\",\"events_delivered\":[]}",
                "{\"stream_id\":\"" + id + "\",\"min_verification_interval\":1}")) {
            assertProblem(server.send("PATCH", "/ssf/streams", body, r.auth()), 400, "invalid-request");
            assertProblem(server.send("PUT", "/ssf/streams", body, r.auth()), 400, "invalid-request");
        }
    }

    @Test
    void deletingAStreamIs204AndItIsGone() {
        Receiver r = manager();
        String id = pollStream(r);

        Reply deleted = server.delete("/ssf/streams?stream_id=" + id, r.auth());

        assertEquals(204, deleted.status());
        assertProblem(server.get("/ssf/streams?stream_id=" + id, r.auth()), 404, "not-found");
        assertProblem(server.delete("/ssf/streams", r.auth()), 400, "invalid-request");
    }

    // ---- scopes and tokens ----

    @Test
    void writesNeedSsfManage_readsWorkWithSsfRead_noTokenIs401() {
        Receiver manager = manager();
        String id = pollStream(manager);
        Reply token = server.send("POST", "/oauth2/token", "grant_type=client_credentials", "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(401, token.status());
        Receiver reader = receiver("ssf.read");

        Reply write = server.post("/ssf/streams", "{}", reader.auth());
        assertEquals(403, write.status());
        assertTrue(write.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\""));
        assertEquals("insufficient_scope", write.json().get("error").asText());
        assertEquals(200, server.get("/ssf/streams", reader.auth()).status());
        for (Reply reply : List.of(server.get("/ssf/streams"), server.post("/ssf/poll/" + id, "{}"),
                server.get("/ssf/streams", "Authorization", "Bearer " + "A".repeat(43)))) {
            assertEquals(401, reply.status(), reply.body());
            assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
        }
    }

    // ---- status, verification, poll ----

    @Test
    void verifyQueuesAVerificationSetWithTheState_pollDeliversItUntilAcknowledged() {
        Receiver r = manager();
        String id = pollStream(r);

        assertEquals(204, server.post("/ssf/verify", "{\"stream_id\":\"" + id + "\",\"state\":\"abc\"}", r.auth())
                .status());
        JsonNode first = poll(r, id, "{\"returnImmediately\":true}");
        JsonNode again = poll(r, id, "{\"returnImmediately\":true}");

        assertEquals(1, first.get("sets").size());
        assertFalse(first.get("moreAvailable").asBoolean());
        String jti = first.get("sets").fieldNames().next();
        assertEquals(first.get("sets"), again.get("sets"), "unacknowledged: the same SET with the same jti");
        SecurityEvent event = signed(jti);
        assertEquals(SsfEventTypes.VERIFICATION, event.eventType());
        assertEquals("abc", event.eventFields().get("state"));
        assertEquals(java.util.Map.of("format", "opaque", "id", id), event.subjectId());
        assertEquals(r.clientId(), event.audience());

        JsonNode acked = poll(r, id, "{\"ack\":[\"" + jti + "\"],\"returnImmediately\":true}");
        assertEquals(0, acked.get("sets").size());
        JsonNode admin = server.get("/api/admin/ssf/streams", admin()).json().get("items").get(0);
        assertEquals(0, admin.get("pending").asInt());
        assertTrue(admin.get("lastDeliveredAt").isTextual());
    }

    @Test
    void aSecondVerificationWithinTheIntervalIs429WithRetryAfter() {
        Receiver r = manager();
        String id = pollStream(r);
        assertEquals(204, server.post("/ssf/verify", "{\"stream_id\":\"" + id + "\"}", r.auth()).status());

        Reply again = server.post("/ssf/verify", "{\"stream_id\":\"" + id + "\"}", r.auth());

        assertProblem(again, 429, "too-many-requests");
        assertTrue(Integer.parseInt(again.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    void pausingHoldsEvents_enablingDeliversTheStreamUpdatedSetsInOrder_disablingDropsThem() {
        Receiver r = manager();
        String id = pollStream(r);

        Reply paused = server.post("/ssf/status", "{\"stream_id\":\"" + id + "\",\"status\":\"paused\","
                + "\"reason\":\"maintenance\"}", r.auth());
        assertEquals(200, paused.status(), paused.body());
        assertEquals("paused", paused.json().get("status").asText());
        assertEquals("maintenance", paused.json().get("reason").asText());
        assertEquals(0, poll(r, id, "{\"returnImmediately\":true}").get("sets").size(), "paused: held");
        server.post("/ssf/status", "{\"stream_id\":\"" + id + "\",\"status\":\"enabled\"}", r.auth());

        JsonNode sets = poll(r, id, "{\"returnImmediately\":true}").get("sets");
        List<String> jtis = new java.util.ArrayList<>();
        sets.fieldNames().forEachRemaining(jtis::add);
        assertEquals(2, jtis.size());
        assertEquals(java.util.Map.of("status", "paused", "reason", "maintenance"), signed(jtis.get(0)).eventFields());
        assertEquals(java.util.Map.of("status", "enabled"), signed(jtis.get(1)).eventFields());
        assertEquals(SsfEventTypes.STREAM_UPDATED, signed(jtis.get(0)).eventType());

        server.post("/ssf/status", "{\"stream_id\":\"" + id + "\",\"status\":\"disabled\"}", r.auth());
        assertEquals(0, WARDEN.receivers.streams.pending(WARDEN.receivers.streams.listAll().getFirst().id()));
        assertProblem(server.post("/ssf/status", "{\"stream_id\":\"" + id + "\",\"status\":\"asleep\"}", r.auth()),
                400, "invalid-request");
    }

    @Test
    void pollHonoursMaxEventsAndSetErrs() {
        Receiver r = manager();
        String id = pollStream(r);
        server.post("/ssf/status", "{\"stream_id\":\"" + id + "\",\"status\":\"paused\"}", r.auth());
        server.post("/ssf/status", "{\"stream_id\":\"" + id + "\",\"status\":\"enabled\"}", r.auth());

        JsonNode one = poll(r, id, "{\"maxEvents\":1,\"returnImmediately\":true}");
        assertEquals(1, one.get("sets").size());
        assertTrue(one.get("moreAvailable").asBoolean());
        String jti = one.get("sets").fieldNames().next();
        JsonNode rest = poll(r, id, "{\"setErrs\":{\"" + jti + "\":{\"err\":\"invalid_key\",\"description\":"
                + "\"unknown kid\"}},\"returnImmediately\":true}");
        assertEquals(1, rest.get("sets").size());
        assertFalse(rest.has(jti));
        JsonNode admin = server.get("/api/admin/ssf/streams", admin()).json().get("items").get(0);
        assertTrue(admin.get("lastError").asText().contains("invalid_key"), admin.toString());
        assertEquals(0, poll(r, id, "{\"maxEvents\":0}").get("sets").size(), "0 only acknowledges, never waits");
        for (String bad : List.of("{\"maxEvents\":-1}", "{\"maxEvents\":\"ten\"}", "{\"ack\":\"x\"}",
                "{\"setErrs\":{\"x\":{}}}", "{\"returnImmediately\":\"yes\"}", "{\"wait\":true}")) {
            assertProblem(server.post("/ssf/poll/" + id, bad, r.auth()), 400, "invalid-request");
        }
    }

    @Test
    void aPushStreamCannotBePolled() {
        Receiver r = manager();
        String id = created(r, "{\"delivery\":{\"method\":\"" + PUSH + "\",\"endpoint_url\":"
                + "\"https://receiver.example.com/events\"}}").get("stream_id").asText();

        assertProblem(server.post("/ssf/poll/" + id, "{\"returnImmediately\":true}", r.auth()), 400,
                "invalid-request");
    }

    // ---- subjects ----

    @Test
    void subjectsOfWardenUsersAreAddedWith200AndRemovedWith204() {
        Receiver r = manager();
        String id = pollStream(r);
        Account bob = TestData.anAccount("bob").build();
        WARDEN.receivers.accounts.insert(bob);
        String subject = "{\"stream_id\":\"" + id + "\",\"subject\":{\"format\":\"iss_sub\",\"iss\":\"" + BASE
                + "\",\"sub\":\"" + bob.id().value() + "\"}}";

        Reply removed = server.post("/ssf/subjects:remove", subject, r.auth());
        assertEquals(204, removed.status(), removed.body());
        assertEquals(List.of(bob.id()), WARDEN.receivers.streams.excludedSubjects(
                WARDEN.receivers.streams.listAll().getFirst().id()));
        Reply added = server.post("/ssf/subjects:add", subject, r.auth());
        assertEquals(200, added.status(), added.body());
        assertEquals(List.of(), WARDEN.receivers.streams.excludedSubjects(
                WARDEN.receivers.streams.listAll().getFirst().id()));

        assertProblem(server.post("/ssf/subjects:add", subject.replace(bob.id().value().toString(),
                java.util.UUID.randomUUID().toString()), r.auth()), 404, "user-not-found");
        for (String bad : List.of(
                "{\"stream_id\":\"" + id + "\",\"subject\":{\"format\":\"email\",\"email\":\"bob@example.com\"}}",
                "{\"stream_id\":\"" + id + "\",\"subject\":{\"format\":\"iss_sub\",\"iss\":\"https://other\",\"sub\":\"x\"}}",
                "{\"stream_id\":\"" + id + "\",\"subject\":{\"format\":\"iss_sub\",\"iss\":\"" + BASE + "\",\"sub\":1}}",
                "{\"stream_id\":\"" + id + "\"}",
                "{\"stream_id\":\"" + id + "\",\"subject\":\"bob\"}")) {
            assertProblem(server.post("/ssf/subjects:add", bad, r.auth()), 400, "invalid-request");
        }
    }

    // ---- administrators ----

    @Test
    void administratorsSeeEveryStream_revokingAClientDisablesItsStreams() {
        Receiver r = manager();
        String id = pollStream(r);
        server.post("/ssf/verify", "{\"stream_id\":\"" + id + "\"}", r.auth());

        JsonNode item = server.get("/api/admin/ssf/streams", admin()).json().get("items").get(0);
        assertEquals(id, item.get("streamId").asText());
        assertEquals(r.clientId(), item.get("clientId").asText());
        assertEquals("Receiver", item.get("clientName").asText());
        assertEquals("poll", item.get("deliveryMethod").asText());
        assertEquals(BASE + "/ssf/poll/" + id, item.get("endpointUrl").asText());
        assertEquals("enabled", item.get("status").asText());
        assertEquals(1, item.get("pending").asInt());
        assertTrue(item.get("lastDeliveredAt").isNull());

        assertEquals(204, server.delete("/api/admin/ssf/clients/" + r.clientId(), admin()).status());

        JsonNode after = server.get("/api/admin/ssf/streams", admin()).json().get("items").get(0);
        assertEquals("disabled", after.get("status").asText());
        assertEquals(0, after.get("pending").asInt());
        assertEquals(401, server.get("/ssf/streams", r.auth()).status());
        assertEquals(403, server.get("/api/admin/ssf/streams", "Authorization", "Bearer "
                + WARDEN.userToken.reveal()).status());
    }
}
