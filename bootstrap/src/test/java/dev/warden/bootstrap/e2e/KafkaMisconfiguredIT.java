package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka security settings that cannot work (SSL against a plaintext listener) do not stop Warden:
 * the broker never answers the handshake, so it looks like an unreachable broker, and logins and
 * validations go on. An operator must then see it on the management port alone, without the log:
 * the "kafka" check names the relay's error, the "alarm-streams" check shows a topology that never
 * got to RUNNING, and the metrics the alert rules watch say the same.
 */
class KafkaMisconfiguredIT {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void givenSslAgainstAPlaintextBroker_thenItServesOn_andHealthAndMetricsTellKafkaAndTheTopologyAreBroken()
            throws IOException {
        Path ssl = Files.writeString(dir.resolve("kafka.properties"), "security.protocol=SSL\n");
        // Start-up waits for the topic check to time out (30 s), then goes on without Kafka.
        try (RunningWarden warden = RunningWarden.start(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", SharedKafka.bootstrapServers(),
                "WARDEN_KAFKA_PROPERTIES_FILE", ssl.toString(),
                "WARDEN_METRICS_REFRESH_INTERVAL", "PT1S"))) {
            ApiClient api = warden.client();
            ApiClient management = new ApiClient(warden.managementUrl(), null);
            String owner = warden.ownerToken(); // a login: an event for the relay
            assertEquals(200, api.get("/api/auth/session", owner).status(), "it serves on");

            JsonNode kafka = Eventually.await("the kafka check to report the relay failing", WITHIN,
                    () -> check(management, "kafka"), check -> check.path("data").path("relay").asText().equals("failing"));
            JsonNode topology = check(management, "alarm-streams");
            ApiClient.Response health = management.get("/observe/health", null);
            PrometheusScrape scrape = Eventually.await("the backlog gauge to be read", WITHIN,
                    () -> PrometheusScrape.of(warden.managementUrl()), s -> s.value("warden_outbox_pending") > 0);

            JsonNode data = kafka.path("data");
            assertTrue(data.path("lastError").asText().startsWith("Kafka did not acknowledge"), kafka.toString());
            assertTrue(data.path("lastError").asText().contains("security settings"), "names the likely cause: " + kafka);
            assertFalse(data.path("lastErrorAt").asText().isEmpty(), kafka.toString());
            assertFalse(data.has("lastPublishedAt"), "never published: " + kafka);
            assertTrue(data.path("failuresSinceLastPublish").asLong() >= 1, kafka.toString());
            assertTrue(data.path("pending").asLong() >= 1, kafka.toString());
            String state = topology.path("data").path("state").asText();
            assertFalse(state.equals("RUNNING") || state.equals("off"), "the topology cannot run: " + topology);
            assertFalse(topology.path("data").path("processing").asBoolean(), topology.toString());
            assertEquals(0, scrape.value("warden_alarm_streams_up"), "it never reaches RUNNING");
            assertTrue(scrape.value("warden_outbox_publish_failures_total") >= 1, scrape.text());
            assertEquals(0, scrape.value("warden_outbox_published_total"));
            // Neither check fails a probe: the instance is still worth its traffic.
            assertEquals(200, health.status(), health.body());
            assertEquals(200, management.get("/observe/health/ready", null).status());
        }
    }

    private static JsonNode check(ApiClient management, String name) {
        for (JsonNode check : management.get("/observe/health", null).json().path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name);
    }
}
