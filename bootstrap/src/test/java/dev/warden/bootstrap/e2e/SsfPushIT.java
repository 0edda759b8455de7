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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 8935 push delivery end to end, against PostgreSQL and a receiver on a local JDK HTTP server:
 * a verification SET arrives signed and with the stream's Authorization header; a receiver that
 * answers 503 for a while gets every SET once accepted, in order, with the same jti on each retry;
 * a 400 with an error code drops the SET; a Warden restart mid-delivery loses nothing; two
 * instances on one database push a stream one at a time, each SET accepted once.
 */
class SsfPushIT {
    private static final String PUBLIC_URL = "http://127.0.0.1:8080";
    private static final String PREFIX = "https://schemas.openid.net/secevent/";
    private static final String AUTHORIZATION = "Bearer push-receiver-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Map<String, String> ssf() throws Exception {
        Path keys = dir.resolve("ssf-keys.pem");
        if (!Files.exists(keys)) {
            Files.writeString(keys, SigningKeys.generatePem(new SecureRandom()));
        }
        return Map.of("WARDEN_PUBLIC_URL", PUBLIC_URL, "WARDEN_SSF_ALLOW_HTTP", "true",
                "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString());
    }

    private static String pushStream(RunningWarden warden, SsfTestReceiver receiver, PushReceiver endpoint) {
        ApiClient.Response created = warden.client().post("/ssf/streams", receiver.token(),
                "{\"delivery\":{\"method\":\"urn:ietf:rfc:8935\",\"endpoint_url\":\"" + endpoint.endpoint()
                        + "\",\"authorization_header\":\"" + AUTHORIZATION + "\"}}");
        assertEquals(201, created.status(), created.body());
        return created.json().path("stream_id").asText();
    }

    private static void status(RunningWarden warden, SsfTestReceiver receiver, String stream, String status) {
        ApiClient.Response changed = warden.client().post("/ssf/status", receiver.token(), "{\"stream_id\":\""
                + stream + "\",\"status\":\"" + status + "\"}");
        assertEquals(200, changed.status(), changed.body());
    }

    private static List<String> queuedJtis() {
        List<String> jtis = new ArrayList<>();
        try (var connection = TestPostgres.connection();
             var rows = connection.createStatement().executeQuery("SELECT jti FROM ssf_stream_events ORDER BY seq")) {
            while (rows.next()) {
                jtis.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return jtis;
    }

    /** Waits until these SETs are accepted; Warden's own events (the fan-out) may come between them. */
    private static void awaitAccepted(PushReceiver endpoint, List<String> jtis) {
        Eventually.await(jtis + " accepted", PATIENCE, endpoint::accepted, a -> a.containsAll(jtis));
    }

    /** The accepted SETs among {@code jtis}, in the order they were accepted. */
    private static List<String> acceptedAmong(PushReceiver endpoint, List<String> jtis) {
        return endpoint.accepted().stream().filter(jtis::contains).toList();
    }

    /** The status of each accepted stream-updated SET, in the order accepted. */
    private static List<String> acceptedStatusChanges(PushReceiver endpoint, SsfTestReceiver receiver, JWKSet jwks)
            throws Exception {
        List<String> states = new ArrayList<>();
        for (PushReceiver.Push push : endpoint.pushes()) {
            if (push.answered() != 202) {
                continue;
            }
            JWTClaimsSet claims = receiver.verifiedClaims(jwks, push.set(), PUBLIC_URL, push.jti());
            Object event = claims.getJSONObjectClaim("events").get(PREFIX + "ssf/event-type/stream-updated");
            if (event instanceof Map<?, ?> updated) {
                states.add(String.valueOf(updated.get("status")));
            }
        }
        return states;
    }

    @Test
    void setsArePushedSignedInOrderAndSurviveAnOutageOfTheReceiver() throws Exception {
        try (PushReceiver endpoint = new PushReceiver();
             RunningWarden warden = RunningWarden.start(ssf())) {
            ApiClient api = warden.client();
            SsfTestReceiver receiver = SsfTestReceiver.register(warden, "Pushed lake");
            String stream = pushStream(warden, receiver, endpoint);

            assertEquals(204, api.post("/ssf/verify", receiver.token(), "{\"stream_id\":\"" + stream
                    + "\",\"state\":\"push-1\"}").status());
            Eventually.await("the verification SET", PATIENCE, endpoint::pushes, p -> p.stream().anyMatch(x ->
                    x.answered() == 202 && isVerification(x)));
            PushReceiver.Push verification = endpoint.pushes().stream().filter(SsfPushIT::isVerification)
                    .findFirst().orElseThrow();
            assertEquals("application/secevent+jwt", verification.contentType());
            assertEquals("application/json", verification.accept());
            assertEquals(AUTHORIZATION, verification.authorization());
            JWKSet jwks = JWKSet.parse(api.get("/ssf/jwks", null).body());
            JWTClaimsSet claims = receiver.verifiedClaims(jwks, verification.set(), PUBLIC_URL, null);
            assertEquals(Map.of("format", "opaque", "id", stream), claims.getJSONObjectClaim("sub_id"));
            assertEquals(Map.of(PREFIX + "ssf/event-type/verification", Map.of("state", "push-1")),
                    claims.getJSONObjectClaim("events"));
            Eventually.await("the queue emptied", PATIENCE, SsfPushIT::queuedJtis, List::isEmpty);

            // The receiver goes down: pausing holds the stream-updated SET, enabling queues one more; both are
            // retried with the same jti and accepted once, in order, when the receiver is back.
            endpoint.answer(503);
            status(warden, receiver, stream, "paused");
            status(warden, receiver, stream, "enabled");
            List<String> queued = queuedJtis();
            assertTrue(queued.size() >= 2, queued.toString());
            Eventually.await("three refused attempts", PATIENCE, endpoint::pushes,
                    p -> p.stream().filter(x -> x.answered() == 503).count() >= 3);
            assertEquals(queued, queuedJtis(), "nothing is lost while the receiver is down");
            endpoint.answer(202);
            awaitAccepted(endpoint, queued);
            assertEquals(queued, acceptedAmong(endpoint, queued), "each accepted once, in queue order");
            assertEquals(endpoint.accepted().size(), new HashSet<>(endpoint.accepted()).size(), "none accepted twice");
            assertTrue(endpoint.pushes().stream().filter(p -> p.answered() == 503)
                    .allMatch(p -> p.jti().equals(queued.get(0))), "retries carry the first SET's jti, in order");
            for (PushReceiver.Push push : endpoint.pushes()) {
                receiver.verifiedClaims(jwks, push.set(), PUBLIC_URL, push.jti());
            }

            // A 400 with an RFC 8935 error drops that SET; the next one still goes.
            endpoint.rejectNext(1);
            status(warden, receiver, stream, "paused");
            status(warden, receiver, stream, "enabled");
            Eventually.await("the queue emptied", PATIENCE, SsfPushIT::queuedJtis, List::isEmpty);
            assertEquals(1, endpoint.pushes().stream().filter(p -> p.answered() == 400).count());
            JsonNode row = api.get("/api/admin/ssf/streams", warden.ownerToken()).json().path("items").get(0);
            assertEquals("push", row.path("deliveryMethod").asText());
            assertEquals(0, row.path("pending").asInt());
            assertTrue(row.path("lastDeliveredAt").isTextual());
            assertTrue(row.path("lastError").asText().contains("invalid_key"), row.toString());
            assertFalse(row.toString().contains(AUTHORIZATION), "the authorization header is never shown");

            String metrics = new ApiClient(warden.managementUrl(), null).send("GET", "/observe/metrics", null, null,
                    Map.of("Accept", "text/plain")).body();
            assertTrue(metrics.contains("warden_ssf_deliveries_total{outcome=\"rejected\""), metrics);
            assertTrue(metrics.contains("warden_ssf_events_pending"), metrics);
        }
    }

    @Test
    void aRestartMidDeliveryLosesNothing_andTwoInstancesPushAStreamOneAtATime() throws Exception {
        try (PushReceiver endpoint = new PushReceiver()) {
            SsfTestReceiver receiver;
            String stream;
            List<String> queued;
            try (RunningWarden first = RunningWarden.start(ssf())) {
                receiver = SsfTestReceiver.register(first, "Restarted lake");
                stream = pushStream(first, receiver, endpoint);
                endpoint.answer(503);
                status(first, receiver, stream, "paused");
                status(first, receiver, stream, "enabled");
                queued = queuedJtis();
                Eventually.await("a refused attempt", PATIENCE, endpoint::pushes, p -> !p.isEmpty());
            } // stopped while its SETs wait for the receiver
            List<String> waiting = queuedJtis();
            assertEquals(queued, waiting.subList(0, queued.size()), "nothing left the queue undelivered");
            queued = waiting; // and whatever of Warden's own events joined them meanwhile

            endpoint.answer(202);
            try (RunningWarden second = RunningWarden.startAnother(ssf());
                 RunningWarden third = RunningWarden.startAnother(ssf())) {
                awaitAccepted(endpoint, queued);
                assertEquals(queued, acceptedAmong(endpoint, queued), "the new instances deliver them, in order, once");

                // Both instances run: twenty more SETs, each accepted once, in order, never two pushes at once.
                for (int i = 0; i < 10; i++) {
                    status(i % 2 == 0 ? second : third, receiver, stream, "paused");
                    status(i % 2 == 0 ? third : second, receiver, stream, "enabled");
                }
                JWKSet jwks = JWKSet.parse(second.client().get("/ssf/jwks", null).body());
                Eventually.await("22 status changes accepted", PATIENCE, () -> {
                    try {
                        return acceptedStatusChanges(endpoint, receiver, jwks);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, states -> states.size() >= 22);
                Eventually.await("the queue emptied", PATIENCE, SsfPushIT::queuedJtis, List::isEmpty);
                List<String> accepted = endpoint.accepted();
                assertEquals(accepted.size(), new HashSet<>(accepted).size(), "no SET accepted twice: " + accepted);
                assertFalse(endpoint.overlapped(), "one instance at a time pushes the stream");
                List<String> states = acceptedStatusChanges(endpoint, receiver, jwks);
                assertEquals(22, states.size(), states.toString());
                for (int i = 0; i < 22; i++) {
                    assertEquals(i % 2 == 0 ? "paused" : "enabled", states.get(i), "in the order they were queued");
                }
            }
        }
    }

    private static boolean isVerification(PushReceiver.Push push) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(push.set()).getJWTClaimsSet().getJSONObjectClaim("events")
                    .containsKey(PREFIX + "ssf/event-type/verification");
        } catch (java.text.ParseException e) {
            return false;
        }
    }
}
