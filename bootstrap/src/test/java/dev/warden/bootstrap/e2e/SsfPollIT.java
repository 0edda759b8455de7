package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.adapter.ssf.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver written from the specs alone, against the running service and PostgreSQL: it reads
 * the transmitter metadata, registers (through the owner), gets a token, creates a poll stream,
 * asks for a verification and polls (RFC 8936) the SET; it checks the SET's signature against the
 * served JWKS and every header and claim SSF requires, acknowledges it, and sees the queue empty.
 * A long poll waits and wakes when pausing and enabling the stream queue stream-updated SETs; a
 * paused stream holds them. Another receiver cannot see the stream. A flood of long polls on one
 * stream: 16 wait and get the SET queued meanwhile, the others are refused at once (429).
 */
class SsfPollIT {
    private static final String PUBLIC_URL = "http://127.0.0.1:8080";
    private static final String PREFIX = "https://schemas.openid.net/secevent/";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * A flood of long polls on one stream (docs/ssf.md, Limits): 16 wait, sharing their checks, and
     * the rest are refused at once with 429 and Retry-After; a SET queued meanwhile reaches every
     * waiter. Never a 500.
     */
    @Test
    void manyLongPollsOnOneStream_sixteenWaitAndGetTheSet_theRestAreTooMany() throws Exception {
        int seats = 16; // LongPollWaiters.PER_STREAM, as documented
        int polls = 24;
        Path keys = Files.writeString(dir.resolve("ssf-keys.pem"), SigningKeys.generatePem(new SecureRandom()));
        try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_PUBLIC_URL", PUBLIC_URL,
                "WARDEN_SSF_ALLOW_HTTP", "true", "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString()));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            ApiClient api = warden.client();
            SsfTestReceiver receiver = SsfTestReceiver.register(warden, "Flooded lake");
            // Only a kind nobody causes here, so the owner's own login is not on the stream.
            ApiClient.Response created = api.post("/ssf/streams", receiver.token(), "{\"events_requested\":[\""
                    + PREFIX + "risc/event-type/account-disabled\"]}");
            assertEquals(201, created.status(), created.body());
            String streamId = created.json().path("stream_id").asText();

            List<CompletableFuture<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < polls; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> api.send("POST", "/ssf/poll/" + streamId,
                        receiver.token(), "{\"returnImmediately\":false}", Map.of()), threads));
            }
            // The queue is empty, so a poll answered now was refused; once polls - seats were, every
            // seat is taken by a waiting poll.
            Eventually.await("the polls over the cap to be refused", Duration.ofSeconds(10),
                    () -> answers.stream().filter(CompletableFuture::isDone).count(), n -> n == polls - seats);
            for (CompletableFuture<ApiClient.Response> answer : answers.stream().filter(CompletableFuture::isDone)
                    .toList()) {
                ApiClient.Response refused = answer.get();
                assertEquals(429, refused.status(), refused.body());
                assertEquals("30", refused.header("Retry-After"));
                assertEquals("https://warden.dev/problems/too-many-requests",
                        JSON.readTree(refused.body()).path("type").asText(), refused.body());
            }

            assertEquals(204, api.post("/ssf/verify", receiver.token(), "{\"stream_id\":\"" + streamId
                    + "\",\"state\":\"flood\"}").status());
            JWKSet jwks = JWKSet.parse(api.get("/ssf/jwks", null).body());
            List<String> jtis = new ArrayList<>();
            for (CompletableFuture<ApiClient.Response> answer : answers) {
                ApiClient.Response response = answer.get(15, TimeUnit.SECONDS);
                if (response.status() == 429) {
                    continue;
                }
                assertEquals(200, response.status(), response.body());
                JsonNode sets = JSON.readTree(response.body()).path("sets");
                assertEquals(1, sets.size(), response.body());
                String jti = sets.fieldNames().next();
                JWTClaimsSet claims = receiver.verifiedClaims(jwks, sets.path(jti).asText(), PUBLIC_URL, jti);
                assertEquals(Map.of(PREFIX + "ssf/event-type/verification", Map.of("state", "flood")),
                        claims.getJSONObjectClaim("events"));
                jtis.add(jti);
            }
            assertEquals(seats, jtis.size(), "every waiting poll got the SET");
            assertEquals(1, jtis.stream().distinct().count(), "the same SET, with the same jti");

            // The seats were given back: a new long poll waits again, and acknowledges on the way.
            CompletableFuture<ApiClient.Response> next = CompletableFuture.supplyAsync(() -> api.send("POST",
                    "/ssf/poll/" + streamId, receiver.token(), "{\"ack\":[\"" + jtis.getFirst() + "\"]}", Map.of()),
                    threads);
            Thread.sleep(1000);
            assertFalse(next.isDone(), "it waits");
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM ssf_stream_events"), "acknowledged");
            assertEquals(200, api.post("/ssf/status", receiver.token(), "{\"stream_id\":\"" + streamId
                    + "\",\"status\":\"paused\"}").status());
            assertEquals(200, api.post("/ssf/status", receiver.token(), "{\"stream_id\":\"" + streamId
                    + "\",\"status\":\"enabled\"}").status());
            ApiClient.Response woken = next.get(15, TimeUnit.SECONDS);
            assertEquals(200, woken.status(), woken.body());
            assertEquals(2, JSON.readTree(woken.body()).path("sets").size(), woken.body());
        }
    }

    private static JsonNode poll(ApiClient api, SsfTestReceiver receiver, String streamId, String body) {
        ApiClient.Response response = api.send("POST", "/ssf/poll/" + streamId, receiver.token(), body,
                Map.of());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
