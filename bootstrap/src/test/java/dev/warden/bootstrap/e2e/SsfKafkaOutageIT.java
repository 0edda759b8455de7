package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.adapter.ssf.SigningKeys;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared Signals lose nothing through a Kafka outage. With the broker down, a user logs in, logs
 * out, has a session terminated and the password reset: every SET arrives at a polling receiver
 * while the broker is still down (the fan-out reads the outbox in PostgreSQL, not Kafka), and
 * none comes twice once the broker is back and the outbox drains to it. Logins from four addresses
 * during the outage raise an IP-spread alarm only when the broker returns (the alarm is Kafka
 * Streams' work): its risk-level-change then arrives, once. Runs with its own broker, which it
 * stops; the database is emptied at start like every end-to-end test's.
 */
class SsfKafkaOutageIT {
    private static final String PUBLIC_URL = "http://127.0.0.1:8080";
    private static final String PREFIX = "https://schemas.openid.net/secevent/";
    private static final String ESTABLISHED = PREFIX + "caep/event-type/session-established";
    private static final String REVOKED = PREFIX + "caep/event-type/session-revoked";
    private static final String CREDENTIAL = PREFIX + "caep/event-type/credential-change";
    private static final String RISK = PREFIX + "caep/event-type/risk-level-change";
    private static final String PASSWORD = "a fine long passphrase";

    @TempDir
    Path dir;

    @Test
    void everySetArrivesWhileTheBrokerIsDown_noneTwiceAfter_andTheAlarmsRiskChangeOnceItReturns() throws Exception {
        Path keys = Files.writeString(dir.resolve("ssf-keys.pem"), SigningKeys.generatePem(new SecureRandom()));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0);
             RunningWarden warden = RunningWarden.start(Map.of("WARDEN_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                     "WARDEN_PUBLIC_URL", PUBLIC_URL, "WARDEN_SSF_ALLOW_HTTP", "true",
                     "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString()))) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            String carol = createUser(api, owner, "carol");
            String spread = createUser(api, owner, "spread");
            SsfTestReceiver receiver = SsfTestReceiver.register(warden, "Security lake");
            ApiClient.Response created = api.post("/ssf/streams", receiver.token(), "{}");
            assertEquals(201, created.status(), created.body());
            Receiving stream = new Receiving(api, receiver, created.json().path("stream_id").asText());

            broker.stop();
            // carol: a logout (user), a termination (admin), a password reset (admin: the last session
            // ends and the credential changes).
            String first = api.login("carol", PASSWORD).token();
            assertEquals(204, api.post("/api/auth/logout", first, null).status());
            String second = api.login("carol", PASSWORD).token();
            String secondId = api.get("/api/auth/session", second).json().path("session").path("id").asText();
            assertEquals(204, api.delete("/api/admin/sessions/" + secondId, owner).status());
            api.login("carol", PASSWORD);
            assertEquals(200, api.post("/api/admin/users/" + carol + "/password", owner,
                    "{\"password\":\"quite another passphrase\"}").status());
            // spread: four addresses at once, which is an IP-spread alarm once Kafka Streams sees it.
            for (int i = 2; i <= 5; i++) {
                warden.clientFrom("127.0.0." + i).login("spread", PASSWORD);
            }

            stream.until("carol's and spread's SETs, with the broker down", Duration.ofSeconds(30),
                    sets -> about(sets, carol).size() >= 7 && about(sets, spread).size() >= 4);
            assertEquals(List.of(ESTABLISHED, REVOKED, ESTABLISHED, REVOKED, ESTABLISHED, REVOKED, CREDENTIAL),
                    types(about(stream.sets, carol)));
            assertEquals(List.of("user", "admin", "admin", "admin"), about(stream.sets, carol).stream()
                    .filter(set -> type(set).equals(REVOKED) || type(set).equals(CREDENTIAL))
                    .map(set -> event(set).get("initiating_entity")).toList());
            assertEquals(List.of(ESTABLISHED, ESTABLISHED, ESTABLISHED, ESTABLISHED), types(about(stream.sets, spread)));
            assertTrue(TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL") >= 11,
                    "the broker is still down: the events wait in the outbox for Kafka");
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM ssf_stream_events"), "all acknowledged");
            Thread.sleep(1_000);
            stream.drain();
            assertTrue(stream.sets.stream().noneMatch(set -> type(set).equals(RISK)),
                    "no alarm without Kafka Streams: " + types(stream.sets));

            broker.restart();

            stream.until("the alarm's risk-level-change, after the broker returned", Duration.ofSeconds(90),
                    sets -> sets.stream().anyMatch(set -> type(set).equals(RISK)));
            Eventually.await("the outbox to drain to Kafka", Duration.ofSeconds(60),
                    () -> TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL"), n -> n == 0);
            Thread.sleep(3_000); // many fan-out passes (every 200 ms): a duplicate would be queued by now
            stream.drain();

            List<JWTClaimsSet> risks = stream.sets.stream().filter(set -> type(set).equals(RISK)).toList();
            assertEquals(1, risks.size(), "the alarm is one risk-level-change");
            assertEquals(Map.of("format", "iss_sub", "iss", PUBLIC_URL, "sub", spread),
                    risks.getFirst().getJSONObjectClaim("sub_id"));
            assertEquals("HIGH", event(risks.getFirst()).get("current_level"));
            assertEquals("IP_SPREAD", event(risks.getFirst()).get("risk_reason"));
            assertEquals(7, about(stream.sets, carol).size(), "nothing of carol's came again");
            assertEquals(5, about(stream.sets, spread).size(), "spread's four logins and the alarm, once each");
            assertEquals(stream.sets.size(), stream.sets.stream().map(JWTClaimsSet::getJWTID).distinct().count(),
                    "no jti twice");
            Set<String> txns = new HashSet<>();
            for (JWTClaimsSet set : stream.sets) {
                assertTrue(txns.add(set.getStringClaim("txn")), "no Warden event twice: " + set);
            }
        }
    }

    private static String createUser(ApiClient api, String owner, String username) {
        assertEquals(201, api.post("/api/admin/users", owner, "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"role\":\"USER\"}").status());
        return api.get("/api/admin/users?q=" + username, owner).json().path("items").get(0).path("id").asText();
    }

    /** A receiver polling one stream: verifies every SET as a receiver does, keeps it and acknowledges it. */
    private static final class Receiving {
        private final ApiClient api;
        private final SsfTestReceiver receiver;
        private final String streamId;
        private final JWKSet jwks;
        private final List<JWTClaimsSet> sets = new ArrayList<>();

        Receiving(ApiClient api, SsfTestReceiver receiver, String streamId) throws ParseException {
            this.api = api;
            this.receiver = receiver;
            this.streamId = streamId;
            this.jwks = JWKSet.parse(api.get("/ssf/jwks", null).body());
        }

        /** Polls until what arrived so far satisfies {@code enough}. */
        void until(String what, Duration timeout, Predicate<List<JWTClaimsSet>> enough) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(sets)) {
                if (pollOnce() == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("waited " + timeout + " for " + what + "; got " + types(sets));
                    }
                    Thread.sleep(200);
                }
            }
        }

        /** Polls until the queue is empty. */
        void drain() throws Exception {
            while (pollOnce() > 0) {
                // more came
            }
        }

        private int pollOnce() throws Exception {
            ApiClient.Response response = api.send("POST", "/ssf/poll/" + streamId, receiver.token(),
                    "{\"returnImmediately\":true}", Map.of());
            assertEquals(200, response.status(), response.body());
            JsonNode polled = response.json().path("sets");
            List<String> ack = new ArrayList<>();
            for (Iterator<String> jtis = polled.fieldNames(); jtis.hasNext(); ) {
                String jti = jtis.next();
                sets.add(receiver.verifiedClaims(jwks, polled.path(jti).asText(), PUBLIC_URL, jti));
                ack.add("\"" + jti + "\"");
            }
            if (!ack.isEmpty()) {
                assertEquals(200, api.send("POST", "/ssf/poll/" + streamId, receiver.token(),
                        "{\"maxEvents\":0,\"ack\":" + ack.toString().replace(" ", "") + "}", Map.of()).status());
            }
            return ack.size();
        }
    }

    private static List<JWTClaimsSet> about(List<JWTClaimsSet> sets, String userId) {
        return sets.stream().filter(set -> set.toString().contains(userId)).toList();
    }

    private static List<String> types(List<JWTClaimsSet> sets) {
        return sets.stream().map(SsfKafkaOutageIT::type).toList();
    }

    private static String type(JWTClaimsSet set) {
        try {
            return set.getJSONObjectClaim("events").keySet().iterator().next();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(JWTClaimsSet set) {
        try {
            return (Map<String, Object>) set.getJSONObjectClaim("events").values().iterator().next();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
