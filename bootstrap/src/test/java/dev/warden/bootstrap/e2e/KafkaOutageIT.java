package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ApiClient.Response;
import dev.warden.bootstrap.e2e.TopicTail.Event;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Kafka outage loses nothing: the API keeps working, events wait in the outbox, and after the
 * broker returns every one arrives, in order per session. Runs alone on the database (with its own
 * broker), so no other instance's relay drains the outbox meanwhile.
 */
class KafkaOutageIT {
    private static final String PASSWORD = "a fine long passphrase";

    @Test
    void withTheBrokerDownTheApiGoesOnAndEveryEventArrivesAfterItReturns() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0);
             RunningWarden own = RunningWarden.start(Map.of("WARDEN_KAFKA_BOOTSTRAP", broker.bootstrapServers()))) {
            ApiClient client = own.client();
            String owner = own.ownerToken();
            Response created = client.post("/api/admin/users", owner,
                    "{\"username\":\"outage\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
            assertEquals(201, created.status());

            broker.stop();
            Set<String> sessionIds = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                String token = client.login("outage", PASSWORD).token();
                String id = client.get("/api/auth/session", token).json().path("session").path("id").asText();
                sessionIds.add(id);
                assertEquals(204, client.delete("/api/admin/sessions/" + id, owner).status());
            }
            assertTrue(TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL") >= 10,
                    "the events wait in the outbox while the broker is down");
            // What an operator alarms on: the backlog, and the age of its oldest event, which grows.
            own.app.refreshMetricsGauges();
            PrometheusScrape backlog = PrometheusScrape.of(own.managementUrl());
            sleep(Duration.ofMillis(1_100));
            PrometheusScrape later = PrometheusScrape.of(own.managementUrl());
            assertTrue(backlog.value("warden_outbox_pending") >= 10, backlog.text());
            assertTrue(later.value("warden_outbox_oldest_pending_age_seconds")
                    >= backlog.value("warden_outbox_oldest_pending_age_seconds") + 1, later.text());

            broker.restart();

            try (TopicTail tail = new TopicTail(own.app.kafkaBootstrap(), "warden.session-events")) {
                List<Event> events = tail.until(seen -> endsOf(seen, sessionIds).size() == sessionIds.size(),
                        Duration.ofSeconds(60));
                // Drop duplicates by CloudEvent id, as a consumer would; then every session has
                // exactly its created and its terminated event, in that order.
                List<Event> unique = new ArrayList<>();
                Set<String> ids = new HashSet<>();
                for (Event e : events) {
                    if (ids.add(e.cloudEvent().path("id").asText())) {
                        unique.add(e);
                    }
                }
                for (String sessionId : sessionIds) {
                    List<String> types = unique.stream()
                            .filter(e -> e.data().path("sessionId").asText().equals(sessionId))
                            .map(Event::type).toList();
                    assertEquals(List.of("warden.session.created", "warden.session.terminated"), types, sessionId);
                }
            }
            Eventually.await("the outbox to drain", Duration.ofSeconds(30),
                    () -> TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL"), n -> n == 0);
            own.app.refreshMetricsGauges();
            PrometheusScrape drained = PrometheusScrape.of(own.managementUrl());
            assertEquals(0, drained.value("warden_outbox_pending"));
            assertEquals(0, drained.value("warden_outbox_oldest_pending_age_seconds"));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<Event> endsOf(List<Event> events, Set<String> sessionIds) {
        return events.stream().filter(e -> e.type().equals("warden.session.terminated")
                && sessionIds.contains(e.data().path("sessionId").asText())).toList();
    }
}
