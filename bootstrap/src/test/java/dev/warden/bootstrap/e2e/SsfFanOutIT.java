package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.adapter.ssf.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warden's own events reach the receivers' streams (the contract's event table), end to end: a user
 * logs in, an administrator terminates the session, resets the password, disables and enables the
 * account; a receiver polls exactly one correctly signed SET for each, with {@code txn} the Warden
 * event (the outbox row) and the event's fields; a stream that did not ask for credential-change
 * does not get it; and a second instance on the same database queues nothing twice. An IP-spread
 * alarm (through Kafka and the topology) raised and resolved is two risk-level-change SETs.
 */
class SsfFanOutIT {
    private static final String PUBLIC_URL = "http://127.0.0.1:8080";
    private static final String PREFIX = "https://schemas.openid.net/secevent/";
    private static final String PASSWORD = "a fine long passphrase";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void everyFactOfAUserReachesTheStreamsThatAskedForIt_onceEach_signedAndTracedToItsEvent() throws Exception {
        Path keys = Files.writeString(dir.resolve("ssf-keys.pem"), SigningKeys.generatePem(new SecureRandom()));
        Map<String, String> env = Map.of("WARDEN_PUBLIC_URL", PUBLIC_URL, "WARDEN_SSF_ALLOW_HTTP", "true",
                "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString());
        try (RunningWarden warden = RunningWarden.start(env)) {
            ApiClient api = warden.client();
            SsfTestReceiver receiver = SsfTestReceiver.register(warden, "Security lake");
            String everything = stream(api, receiver, "{}");
            String sessionsOnly = stream(api, receiver, "{\"events_requested\":[\"" + PREFIX
                    + "caep/event-type/session-established\",\"" + PREFIX + "caep/event-type/session-revoked\"]}");

            String owner = warden.ownerToken();
            assertEquals(201, api.post("/api/admin/users", owner, "{\"username\":\"carol\",\"password\":\""
                    + PASSWORD + "\",\"role\":\"USER\"}").status());
            String carol = api.get("/api/admin/users?q=carol", owner).json().path("items").get(0).path("id").asText();
            String token = api.login("carol", PASSWORD).token();
            String sessionId = api.get("/api/auth/session", token).json().path("session").path("id").asText();
            assertEquals(204, api.delete("/api/admin/sessions/" + sessionId, owner).status());
            assertEquals(200, api.post("/api/admin/users/" + carol + "/password", owner,
                    "{\"password\":\"quite another passphrase\"}").status());
            assertEquals(200, api.post("/api/admin/users/" + carol + "/disable", owner, null).status());
            assertEquals(204, api.post("/api/admin/users/" + carol + "/enable", owner, null).status());

            List<JWTClaimsSet> sets = setsAbout(api, receiver, everything, carol, 5);
            assertEquals(List.of(PREFIX + "caep/event-type/session-established", PREFIX
                            + "caep/event-type/session-revoked", PREFIX + "caep/event-type/credential-change",
                    PREFIX + "risc/event-type/account-disabled", PREFIX + "risc/event-type/account-enabled"),
                    sets.stream().map(SsfFanOutIT::eventType).toList());
            Map<String, Object> user = Map.of("format", "iss_sub", "iss", PUBLIC_URL, "sub", carol);
            Map<String, Object> complex = Map.of("format", "complex", "user", user,
                    "session", Map.of("format", "opaque", "id", sessionId));
            assertEquals(complex, sets.get(0).getJSONObjectClaim("sub_id"));
            assertEquals(complex, sets.get(1).getJSONObjectClaim("sub_id"));
            for (JWTClaimsSet set : sets.subList(2, 5)) {
                assertEquals(user, set.getJSONObjectClaim("sub_id"));
            }
            Map<String, Object> established = event(sets.get(0));
            assertEquals(List.of("127.0.0.1"), established.get("ips"));
            Map<String, Object> revoked = event(sets.get(1));
            assertEquals("admin", revoked.get("initiating_entity"));
            assertEquals(Map.of("en", "ADMIN_TERMINATED"), revoked.get("reason_admin"));
            Map<String, Object> credential = event(sets.get(2));
            assertEquals("password", credential.get("credential_type"));
            assertEquals("update", credential.get("change_type"));
            assertEquals("admin", credential.get("initiating_entity"));
            assertEquals(Map.of("en", "PASSWORD_RESET"), credential.get("reason_admin"));
            for (JWTClaimsSet set : sets) {
                assertEquals(1, TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE event_id = CAST('"
                        + set.getStringClaim("txn") + "' AS uuid) AND aggregate_key = CAST('" + carol + "' AS uuid)"),
                        "txn is the Warden event: " + eventType(set));
            }

            List<JWTClaimsSet> sessionSets = setsAbout(api, receiver, sessionsOnly, carol, 2);
            assertEquals(List.of(PREFIX + "caep/event-type/session-established",
                    PREFIX + "caep/event-type/session-revoked"), sessionSets.stream().map(SsfFanOutIT::eventType).toList());
            assertEquals(sets.get(1).getStringClaim("txn"), sessionSets.get(1).getStringClaim("txn"));

            // A second instance on the same database: the fan-out's marks are in PostgreSQL, so it
            // queues nothing again, and neither does this one.
            try (RunningWarden another = RunningWarden.startAnother(env)) {
                Thread.sleep(2_000);
                assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE ssf_fanned_out_at IS NULL"));
                assertEquals(List.of(), setsAbout(api, receiver, everything, carol, 0));
                assertEquals(List.of(), setsAbout(api, receiver, sessionsOnly, carol, 0));
            }
        }
    }

    @Test
    void anIpSpreadAlarmRaisedAndResolvedIsTwoRiskLevelChanges() throws Exception {
        Path keys = Files.writeString(dir.resolve("ssf-keys.pem"), SigningKeys.generatePem(new SecureRandom()));
        try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_PUBLIC_URL", PUBLIC_URL,
                "WARDEN_SSF_ALLOW_HTTP", "true", "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString()))) {
            ApiClient api = warden.client();
            SsfTestReceiver receiver = SsfTestReceiver.register(warden, "Risk engine");
            String risks = stream(api, receiver, "{\"events_requested\":[\"" + PREFIX
                    + "caep/event-type/risk-level-change\"]}");
            String owner = warden.ownerToken();
            assertEquals(201, api.post("/api/admin/users", owner, "{\"username\":\"spread\",\"password\":\""
                    + PASSWORD + "\",\"role\":\"USER\"}").status());
            String userId = api.get("/api/admin/users?q=spread", owner).json().path("items").get(0).path("id").asText();
            List<String> tokens = new ArrayList<>();
            for (int i = 2; i <= 5; i++) {
                tokens.add(warden.clientFrom("127.0.0." + i).login("spread", PASSWORD).token());
            }
            List<JWTClaimsSet> raised = setsAbout(api, receiver, risks, userId, 1);
            assertEquals(204, api.post("/api/auth/logout", tokens.getFirst(), null).status());
            List<JWTClaimsSet> resolved = setsAbout(api, receiver, risks, userId, 1);

            assertEquals(1, raised.size());
            assertEquals(1, resolved.size());
            assertEquals(Map.of("format", "iss_sub", "iss", PUBLIC_URL, "sub", userId),
                    raised.getFirst().getJSONObjectClaim("sub_id"));
            Map<String, Object> high = event(raised.getFirst());
            assertEquals("USER", high.get("principal"));
            assertEquals("HIGH", high.get("current_level"));
            assertEquals("LOW", high.get("previous_level"));
            assertEquals("IP_SPREAD", high.get("risk_reason"));
            Map<String, Object> low = event(resolved.getFirst());
            assertEquals("LOW", low.get("current_level"));
            assertEquals("HIGH", low.get("previous_level"));
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM ssf_risk_changes"), "nothing left waiting");
        }
    }

    private static String stream(ApiClient api, SsfTestReceiver receiver, String body) {
        ApiClient.Response created = api.post("/ssf/streams", receiver.token(), body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("stream_id").asText();
    }

    /**
     * Polls (acknowledging as it goes) until {@code expected} SETs about the user arrived, then once
     * more to see no more come; verifies each as a receiver does.
     */
    private static List<JWTClaimsSet> setsAbout(ApiClient api, SsfTestReceiver receiver, String streamId,
            String userId, int expected) throws Exception {
        JWKSet jwks = JWKSet.parse(api.get("/ssf/jwks", null).body());
        List<JWTClaimsSet> about = new ArrayList<>();
        List<String> ack = new ArrayList<>();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        boolean lastLook = false;
        while (true) {
            ApiClient.Response response = api.send("POST", "/ssf/poll/" + streamId, receiver.token(),
                    "{\"returnImmediately\":true,\"ack\":" + json(ack) + "}", Map.of());
            assertEquals(200, response.status(), response.body());
            ack.clear();
            JsonNode sets = response.json().path("sets");
            for (Iterator<String> jtis = sets.fieldNames(); jtis.hasNext(); ) {
                String jti = jtis.next();
                JWTClaimsSet claims = receiver.verifiedClaims(jwks, sets.path(jti).asText(), PUBLIC_URL, jti);
                ack.add(jti);
                if (claims.toString().contains(userId)) {
                    about.add(claims);
                }
            }
            if (lastLook && sets.isEmpty()) {
                return about;
            }
            if (about.size() >= expected && sets.isEmpty()) {
                Thread.sleep(1_500); // longer than a fan-out pass: a duplicate would be queued by now
                lastLook = true;
            } else if (sets.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + about.size() + " of " + expected + " SETs arrived");
                }
                Thread.sleep(200);
            }
        }
    }

    private static String json(List<String> jtis) {
        return jtis.stream().map(j -> "\"" + j + "\"").toList().toString().replace(" ", "");
    }

    private static String eventType(JWTClaimsSet set) {
        try {
            return set.getJSONObjectClaim("events").keySet().iterator().next();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(JWTClaimsSet set) throws java.text.ParseException {
        Map<String, Object> events = set.getJSONObjectClaim("events");
        return (Map<String, Object>) events.values().iterator().next();
    }
}
