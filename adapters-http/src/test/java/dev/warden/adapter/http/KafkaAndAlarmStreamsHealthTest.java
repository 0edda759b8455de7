package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.AlarmTopology;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Backlog;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.PublishFailure;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Relay;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The management port's "kafka" and "alarm-streams" checks and the metrics behind their alert rules:
 * what an operator sees when the relay cannot publish or the topology does not run. Neither check
 * ever fails a probe.
 */
class KafkaAndAlarmStreamsHealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2030-05-06T07:08:09Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String REFUSED = "Kafka did not acknowledge an event: Topic warden.session-events not present"
            + " in metadata after 10000 ms.";

    private final AtomicReference<Relay> relay = new AtomicReference<>(Relay.NOTHING_YET);
    /** Null: the topology runs elsewhere. */
    private final AtomicReference<AlarmTopology> topology = new AtomicReference<>();
    private final OperationalFiguresQuery figures = new OperationalFiguresQuery() {
        @Override
        public Backlog backlog() {
            return new Backlog(NOW, 7, Optional.of(NOW.minusSeconds(400)), 0);
        }

        @Override
        public long activeSessions() {
            return 2;
        }

        @Override
        public Relay relay() {
            return relay.get();
        }

        @Override
        public Optional<AlarmTopology> alarmTopology() {
            return Optional.ofNullable(topology.get());
        }
    };
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HelidonWardenMetrics metrics;
    private ManagementPort management;
    private WebServer server;

    private void start() {
        metrics = new HelidonWardenMetrics();
        management = ManagementPort.start(metrics, figures, Duration.ofHours(1), Duration.ofHours(1), () -> true, CLOCK);
        server = WebServer.builder().host("127.0.0.1").port(0)
                .update(builder -> management.configure(builder, "127.0.0.1", 0)).build().start();
        management.refreshGauges();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
            management.close();
            metrics.close();
        }
    }

    @Test
    void givenTheRelayFailsSinceItLastPublished_thenTheKafkaCheckSaysWhyAndWhenAndStaysUp() {
        topology.set(new AlarmTopology("RUNNING", true, NOW.minusSeconds(3600)));
        start();
        relay.set(new Relay(Optional.of(NOW.minusSeconds(300)),
                Optional.of(new PublishFailure(NOW.minusSeconds(4), REFUSED)), 12));

        Reply health = get("/observe/health");
        Reply ready = get("/observe/health/ready");

        assertEquals(200, health.status(), "an instance that cannot publish still serves: " + health.body());
        assertEquals(200, ready.status(), ready.body());
        JsonNode kafka = check(health, "kafka");
        assertEquals("UP", kafka.path("status").asText());
        JsonNode data = kafka.path("data");
        assertEquals("failing", data.path("relay").asText());
        assertEquals(REFUSED, data.path("lastError").asText());
        assertEquals(NOW.minusSeconds(4).toString(), data.path("lastErrorAt").asText());
        assertEquals(NOW.minusSeconds(300).toString(), data.path("lastPublishedAt").asText());
        assertEquals(12, data.path("failuresSinceLastPublish").asLong());
        assertEquals(7, data.path("pending").asLong(), "the outbox backlog, database-wide");
        assertTrue(ready.body().contains("\"name\":\"kafka\""), "a readiness check: " + ready.body());
    }

    @Test
    void givenNoAttemptYet_thenTheRelayIsIdle_andAfterASuccessItIsPublishingWithTheOldErrorKept() {
        start();
        JsonNode idle = check(get("/observe/health"), "kafka").path("data");

        relay.set(new Relay(Optional.of(NOW), Optional.of(new PublishFailure(NOW.minusSeconds(60), REFUSED)), 0));
        JsonNode publishing = check(get("/observe/health"), "kafka").path("data");

        assertEquals("idle", idle.path("relay").asText());
        assertFalse(idle.has("lastPublishedAt"), idle.toString());
        assertFalse(idle.has("lastError"), idle.toString());
        assertEquals("publishing", publishing.path("relay").asText());
        assertEquals(NOW.toString(), publishing.path("lastPublishedAt").asText());
        assertEquals(NOW.minusSeconds(60).toString(), publishing.path("lastErrorAt").asText(),
                "older than the last publish: over");
    }

    @Test
    void theAlarmStreamsCheckAndGaugeFollowTheTopologysState() {
        topology.set(new AlarmTopology("RUNNING", true, NOW.minusSeconds(3600)));
        start();
        Reply running = get("/observe/health");
        double upWhileRunning = gauge();

        topology.set(new AlarmTopology("REBALANCING", false, NOW.minusSeconds(600)));
        Reply rebalancing = get("/observe/health");
        double upWhileRebalancing = gauge();
        topology.set(new AlarmTopology("ERROR", false, NOW.minusSeconds(5)));
        Reply error = get("/observe/health");
        double upAfterError = gauge();

        assertEquals("RUNNING", check(running, "alarm-streams").path("data").path("state").asText());
        assertEquals(1.0, upWhileRunning);
        JsonNode stuck = check(rebalancing, "alarm-streams");
        assertEquals("REBALANCING", stuck.path("data").path("state").asText());
        assertEquals(NOW.minusSeconds(600).toString(), stuck.path("data").path("since").asText(),
                "since when: a rebalance of ten minutes is no rebalance");
        assertFalse(stuck.path("data").path("processing").asBoolean());
        assertEquals(0.0, upWhileRebalancing, "REBALANCING is not processing");
        assertEquals("ERROR", check(error, "alarm-streams").path("data").path("state").asText());
        assertEquals("UP", check(error, "alarm-streams").path("status").asText());
        assertEquals(200, error.status(), "never fails a probe: " + error.body());
        assertEquals(0.0, upAfterError);
    }

    @Test
    void givenTheTopologyRunsElsewhere_thenTheCheckSaysOffAndThereIsNoGauge() {
        start();

        JsonNode check = check(get("/observe/health"), "alarm-streams");
        String scrape = get("/observe/metrics").body();

        assertEquals("UP", check.path("status").asText());
        assertEquals("off", check.path("data").path("state").asText());
        assertFalse(scrape.contains(OperationalGauges.ALARM_STREAMS_UP), scrape);
    }

    @Test
    void failedPublishesAreCountedFromZero() {
        start();
        double before = samples().get("warden_outbox_publish_failures_total{scope=\"application\"}");

        metrics.eventsPublishFailed();
        metrics.eventsPublishFailed();

        assertEquals(0.0, before, "the series exists from the first scrape");
        assertEquals(2.0, samples().get("warden_outbox_publish_failures_total{scope=\"application\"}"));
        assertTrue(get("/observe/metrics").body().contains("# TYPE warden_outbox_publish_failures_total counter\n"));
    }

    private double gauge() {
        return samples().get(OperationalGauges.ALARM_STREAMS_UP + "{scope=\"application\"}");
    }

    private Map<String, Double> samples() {
        return ManagementPortTest.samples(get("/observe/metrics").body());
    }

    private static JsonNode check(Reply health, String name) {
        try {
            for (JsonNode check : JSON.readTree(health.body()).path("checks")) {
                if (check.path("name").asText().equals(name)) {
                    return check;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no check " + name + " in " + health.body());
    }

    private Reply get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port(ManagementPort.SOCKET) + path))
                    .header("Accept", path.endsWith("metrics") ? "text/plain" : "application/json")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, String body) {
    }
}
