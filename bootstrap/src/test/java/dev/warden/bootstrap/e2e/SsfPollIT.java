package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.adapter.ssf.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver written from the specs alone, against the running service and PostgreSQL: it reads
 * the transmitter metadata, registers (through the owner), gets a token, creates a poll stream,
 * asks for a verification and polls (RFC 8936) the SET; it checks the SET's signature against the
 * served JWKS and every header and claim SSF requires, acknowledges it, and sees the queue empty.
 * A long poll waits and wakes when pausing and enabling the stream queue stream-updated SETs; a
 * paused stream holds them. Another receiver cannot see the stream.
 */
class SsfPollIT {
    private static final String PUBLIC_URL = "http://127.0.0.1:8080";
    private static final String PREFIX = "https://schemas.openid.net/secevent/";

    @TempDir
    Path dir;

    @Test
    void aReceiverCreatesAPollStreamVerifiesAndPollsCorrectlySignedSets() throws Exception {
        Path keys = Files.writeString(dir.resolve("ssf-keys.pem"), SigningKeys.generatePem(new SecureRandom()));
        try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_PUBLIC_URL", PUBLIC_URL,
                "WARDEN_SSF_ALLOW_HTTP", "true", "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString()))) {
            ApiClient api = warden.client();
            JsonNode configuration = api.get("/.well-known/ssf-configuration", null).json();
            assertEquals(PUBLIC_URL + "/ssf/streams", configuration.path("configuration_endpoint").asText());
            assertEquals(PUBLIC_URL + "/ssf/verify", configuration.path("verification_endpoint").asText());

            SsfTestReceiver receiver = SsfTestReceiver.register(warden, "Security lake");
            ApiClient.Response created = api.post("/ssf/streams", receiver.token(), "{\"events_requested\":[\""
                    + PREFIX + "caep/event-type/session-revoked\"],\"description\":\"lake\"}");
            assertEquals(201, created.status(), created.body());
            String streamId = created.json().path("stream_id").asText();
            assertEquals(PUBLIC_URL + "/ssf/poll/" + streamId, created.json().path("delivery").path("endpoint_url").asText());
            assertEquals(receiver.clientId(), created.json().path("aud").asText());

            assertEquals(204, api.post("/ssf/verify", receiver.token(), "{\"stream_id\":\"" + streamId
                    + "\",\"state\":\"xyz-123\"}").status());
            JsonNode polled = poll(api, receiver, streamId, "{\"returnImmediately\":true}");
            assertEquals(1, polled.path("sets").size());
            assertFalse(polled.path("moreAvailable").asBoolean());
            String jti = polled.path("sets").fieldNames().next();
            JWKSet jwks = JWKSet.parse(api.get("/ssf/jwks", null).body());
            JWTClaimsSet claims = receiver.verifiedClaims(jwks, polled.path("sets").path(jti).asText(), PUBLIC_URL,
                    jti);
            assertEquals(Map.of("format", "opaque", "id", streamId), claims.getJSONObjectClaim("sub_id"));
            assertEquals(Map.of(PREFIX + "ssf/event-type/verification", Map.of("state", "xyz-123")),
                    claims.getJSONObjectClaim("events"));
            assertEquals(1, TestPostgres.queryLong("SELECT count(*) FROM ssf_stream_events"));

            JsonNode acked = poll(api, receiver, streamId, "{\"ack\":[\"" + jti + "\"],\"returnImmediately\":true}");
            assertEquals(0, acked.path("sets").size());
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM ssf_stream_events"));

            // A long poll on the empty queue waits; pausing queues a stream-updated SET that the paused
            // stream holds; enabling queues another and releases both, in order, to the waiting poll.
            CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> poll(api, receiver, streamId,
                    "{\"returnImmediately\":false}"));
            Thread.sleep(1000);
            assertFalse(waiting.isDone(), "a long poll waits for a SET");
            ApiClient.Response paused = api.post("/ssf/status", receiver.token(), "{\"stream_id\":\"" + streamId
                    + "\",\"status\":\"paused\",\"reason\":\"maintenance\"}");
            assertEquals(200, paused.status(), paused.body());
            Thread.sleep(600);
            assertFalse(waiting.isDone(), "a paused stream delivers nothing");
            assertEquals("paused", api.get("/ssf/status?stream_id=" + streamId, receiver.token()).json()
                    .path("status").asText());
            assertEquals(200, api.post("/ssf/status", receiver.token(), "{\"stream_id\":\"" + streamId
                    + "\",\"status\":\"enabled\"}").status());
            JsonNode woken = waiting.get(10, TimeUnit.SECONDS);
            List<String> jtis = new ArrayList<>();
            woken.path("sets").fieldNames().forEachRemaining(jtis::add);
            assertEquals(2, jtis.size(), woken.toString());
            JWTClaimsSet pausedSet = receiver.verifiedClaims(jwks, woken.path("sets").path(jtis.get(0)).asText(),
                    PUBLIC_URL, jtis.get(0));
            assertEquals(Map.of(PREFIX + "ssf/event-type/stream-updated", Map.of("status", "paused",
                    "reason", "maintenance")), pausedSet.getJSONObjectClaim("events"));
            JWTClaimsSet enabledSet = receiver.verifiedClaims(jwks, woken.path("sets").path(jtis.get(1)).asText(),
                    PUBLIC_URL, jtis.get(1));
            assertEquals(Map.of(PREFIX + "ssf/event-type/stream-updated", Map.of("status", "enabled")),
                    enabledSet.getJSONObjectClaim("events"));

            SsfTestReceiver other = SsfTestReceiver.register(warden, "Someone else");
            assertEquals(404, api.get("/ssf/streams?stream_id=" + streamId, other.token()).status());
            assertEquals(404, api.post("/ssf/poll/" + streamId, other.token(), "{\"returnImmediately\":true}")
                    .status());
            assertEquals("[]", api.get("/ssf/streams", other.token()).body());

            JsonNode row = api.get("/api/admin/ssf/streams", warden.ownerToken()).json().path("items").get(0);
            assertEquals(streamId, row.path("streamId").asText());
            assertEquals(2, row.path("pending").asInt(), "the stream-updated SETs are not acknowledged yet");
            assertTrue(row.path("lastDeliveredAt").isTextual());
            assertFalse(api.get("/api/admin/audit?type=SSF_STREAM_CREATED", warden.ownerToken()).json()
                    .path("items").isEmpty());
        }
    }

    private static JsonNode poll(ApiClient api, SsfTestReceiver receiver, String streamId, String body) {
        ApiClient.Response response = api.send("POST", "/ssf/poll/" + streamId, receiver.token(), body,
                Map.of());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
