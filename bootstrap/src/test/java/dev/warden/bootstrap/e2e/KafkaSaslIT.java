package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.config.ConfigurationError;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against a broker that demands SASL (SCRAM-SHA-512), configured only through
 * WARDEN_KAFKA_PROPERTIES_FILE as an operator would for a managed cluster: every Kafka client of the
 * service (outbox relay, topic creation, in-process alarm topology, alarm consumer) authenticates,
 * wrong credentials stop start-up with one line, and credentials revoked at run time lose nothing.
 */
class KafkaSaslIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static final String SCRAM_PASSWORD = "scram-secret-4711";
    private static final Duration WITHIN = Duration.ofSeconds(60);
    @RegisterExtension
    static final SaslBroker broker = new SaslBroker("warden", SCRAM_PASSWORD);

    @TempDir
    Path dir;

    private Path propertiesFile(String user, String password) throws IOException {
        return SaslBroker.propertiesFile(dir.resolve(user + ".properties"), user, password);
    }

    private static Map<String, String> sasl(Path file) {
        return broker.clientEnv(file);
    }

    @Test
    void everyKafkaClientOfTheServiceWorksThroughSasl() throws Exception {
        try (RunningWarden warden = RunningWarden.start(sasl(propertiesFile("warden", SCRAM_PASSWORD)))) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            String userId = api.post("/api/admin/users", owner,
                    "{\"username\":\"roaming\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}").json()
                    .path("id").asText();
            for (int i = 2; i <= 5; i++) {
                warden.clientFrom("127.0.0." + i).login("roaming", PASSWORD);
            }

            // relay -> topic -> in-process topology -> alarms topic -> consumer -> the Alarms page.
            JsonNode alarm = Eventually.await("an IP-spread alarm through the SASL broker", WITHIN,
                    () -> alarmOf(api, owner, userId), a -> a != null);
            assertEquals("OPEN", alarm.path("status").asText());
            assertEquals(4, alarm.path("distinctIps").asInt());
            Eventually.await("the outbox to drain", WITHIN, KafkaSaslIT::pendingEvents, n -> n == 0);
            try (TopicTail tail = new TopicTail(broker.bootstrapServers(), "warden.session-events")) {
                tail.until(seen -> seen.stream().filter(e -> e.data().path("userId").asText().equals(userId)).count() == 4,
                        WITHIN);
            }
        }
    }

    @Test
    void aPasswordTheBrokerRefusesStopsStartUpWithOneLineThatDoesNotShowIt() throws Exception {
        Path wrong = propertiesFile("warden", "not-the-password-0815");

        ConfigurationError refused = assertThrows(ConfigurationError.class, () -> RunningWarden.start(sasl(wrong)));

        assertTrue(refused.getMessage().startsWith("WARDEN_KAFKA_PROPERTIES_FILE: Kafka at "
                + broker.saslBootstrapServers() + " refused to authenticate Warden: "), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-password-0815"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    }

    @Test
    void whileTheBrokerRefusesTheCredentialsEventsWaitInTheOutboxAndAllArriveOnceTheyWork() throws Exception {
        String user = "rotated-" + System.nanoTime();
        broker.upsertScramUser(user, SCRAM_PASSWORD);
        try (RunningWarden warden = RunningWarden.start(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", broker.saslBootstrapServers(),
                "WARDEN_KAFKA_PROPERTIES_FILE", propertiesFile(user, SCRAM_PASSWORD).toString(),
                "WARDEN_STREAMS", "off"))) {
            ApiClient api = warden.client();
            api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD);
            Eventually.await("the first events to go out", WITHIN, KafkaSaslIT::pendingEvents, n -> n == 0);

            // The operator's credential is revoked at the broker; open connections fail their next re-authentication.
            broker.deleteScramUser(user);
            Thread.sleep(3 * EmbeddedKafkaBroker.SASL_REAUTHENTICATION_MS);
            Set<String> sessions = new java.util.HashSet<>();
            for (int i = 0; i < 3; i++) {
                String token = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();
                sessions.add(api.get("/api/auth/session", token).json().path("session").path("id").asText());
            }
            Thread.sleep(5_000);
            assertTrue(pendingEvents() >= 3, "the events wait in the outbox: " + pendingEvents());

            broker.upsertScramUser(user, SCRAM_PASSWORD); // the credential works again

            Eventually.await("the outbox to drain", WITHIN, KafkaSaslIT::pendingEvents, n -> n == 0);
            try (TopicTail tail = new TopicTail(broker.bootstrapServers(), "warden.session-events")) {
                tail.until(seen -> seen.stream().map(e -> e.data().path("sessionId").asText())
                        .collect(Collectors.toSet()).containsAll(sessions), WITHIN);
            }
        }
    }

    private static long pendingEvents() {
        return TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL");
    }

    private static JsonNode alarmOf(ApiClient api, String owner, String userId) {
        for (JsonNode alarm : api.get("/api/admin/alarms", owner).json().path("items")) {
            if (alarm.path("userId").asText().equals(userId)) {
                return alarm;
            }
        }
        return null;
    }
}
