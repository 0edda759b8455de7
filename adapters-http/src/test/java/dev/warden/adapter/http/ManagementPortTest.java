package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Backlog;
import dev.warden.application.port.out.StoreUnavailable;
import dev.warden.application.port.out.WardenMetrics.LoginOutcome;
import dev.warden.domain.TerminationReason;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The management socket: Prometheus metrics with the contract's names, health with details; none of it public. */
class ManagementPortTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant NOW = Instant.parse("2030-05-06T07:08:09Z");
    /** The service's clock, stopped: the ages the gauges show are exact. */
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final FakeWarden warden = new FakeWarden();
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicReference<Backlog> figures = new AtomicReference<>(
            new Backlog(NOW, 3, Optional.of(NOW.minusSeconds(90)), 1));
    private final AtomicReference<Long> sessions = new AtomicReference<>(12L);
    private final OperationalFiguresQuery query = new OperationalFiguresQuery() {
        @Override
        public Backlog backlog() {
            return readable(figures.get());
        }

        @Override
        public long activeSessions() {
            return readable(sessions.get());
        }

        private <T> T readable(T value) {
            if (value == null) {
                throw new StoreUnavailable(new IllegalStateException("jdbc:postgresql://user:secret@db/warden"));
            }
            return value;
        }
    };
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HelidonWardenMetrics metrics;
    private ManagementPort management;
    private WebServer server;

    @BeforeEach
    void start() {
        metrics = new HelidonWardenMetrics();
        management = ManagementPort.start(metrics, query, Duration.ofHours(1), Duration.ofHours(1), databaseUp::get,
                CLOCK);
        server = WebServer.builder().host("127.0.0.1").port(0)
                .update(builder -> {
                    WardenHttp.configure(builder, warden.useCases(), TestServer.settings(List.of()), databaseUp::get,
                            metrics);
                    management.configure(builder, "127.0.0.1", 0);
                })
                .build().start();
        management.refreshGauges();
    }

    @AfterEach
    void stop() {
        server.stop();
        management.close();
        metrics.close();
    }

    @Test
    void theContractsMetricsAreServedInPrometheusTextWithTheirTypes() {
        metrics.loginAttempted(LoginOutcome.SUCCEEDED);
        metrics.loginAttempted(LoginOutcome.THROTTLED);
        metrics.sessionValidated(Duration.ofNanos(700_000));
        metrics.sessionValidated(Duration.ofMillis(30));
        metrics.sessionEnded(TerminationReason.IDLE_TIMEOUT);

        Reply reply = get(managementPort(), "/observe/metrics", "text/plain");

        assertEquals(200, reply.status(), reply.body());
        String text = reply.body();
        for (String[] family : new String[][] {
                {"warden_logins_total", "counter"}, {"warden_login_throttled_total", "counter"},
                {"warden_sessions_ended_total", "counter"}, {"warden_account_lockouts_total", "counter"},
                {"warden_outbox_published_total", "counter"},
                {"warden_session_validation_seconds", "histogram"}, {"warden_sessions_active", "gauge"},
                {"warden_outbox_pending", "gauge"}, {"warden_outbox_oldest_pending_age_seconds", "gauge"},
                {"warden_alarms_open", "gauge"}, {"warden_health_up", "gauge"}}) {
            assertTrue(text.contains("# TYPE " + family[0] + " " + family[1] + "\n"), family[0] + " in\n" + text);
        }
        Map<String, Double> samples = samples(text);
        assertEquals(1.0, samples.get("warden_logins_total{outcome=\"succeeded\",scope=\"application\"}"));
        assertEquals(1.0, samples.get("warden_logins_total{outcome=\"throttled\",scope=\"application\"}"));
        assertEquals(0.0, samples.get("warden_logins_total{outcome=\"session_limit\",scope=\"application\"}"),
                "every outcome exists from the start");
        assertEquals(1.0, samples.get("warden_login_throttled_total{scope=\"application\"}"));
        assertEquals(1.0, samples.get("warden_sessions_ended_total{reason=\"idle_timeout\",scope=\"application\"}"));
        assertEquals(0.0, samples.get("warden_sessions_ended_total{reason=\"user_logout\",scope=\"application\"}"));
        assertEquals(2.0, samples.get("warden_session_validation_seconds_count{scope=\"application\"}"));
        assertEquals(1.0, samples.get("warden_session_validation_seconds_bucket{scope=\"application\",le=\"0.001\"}"));
        assertEquals(2.0, samples.get("warden_session_validation_seconds_bucket{scope=\"application\",le=\"+Inf\"}"));
        assertFalse(text.contains("warden_session_validation_seconds{"), "no client-side quantiles in the histogram");
        assertEquals(12.0, samples.get("warden_sessions_active{scope=\"application\"}"));
        assertEquals(3.0, samples.get("warden_outbox_pending{scope=\"application\"}"));
        double age = samples.get("warden_outbox_oldest_pending_age_seconds{scope=\"application\"}");
        assertEquals(90.0, age, "the age is computed at scrape time, by the service's clock");
        assertEquals(1.0, samples.get("warden_alarms_open{scope=\"application\"}"));
        assertEquals(1.0, samples.get("warden_health_up{scope=\"application\"}"));
        assertTrue(samples.keySet().stream().anyMatch(name -> name.startsWith("memory_used_heap_bytes")),
                "the JVM's meters too");
    }

    @Test
    void theJvmMetersAreSnakeCaseAndTypedAsPrometheusExpects() {
        Map<String, String> types = types(get(managementPort(), "/observe/metrics", "text/plain").body());

        for (Map.Entry<String, String> family : types.entrySet()) {
            assertTrue(family.getKey().matches("[a-z_][a-z0-9_]*"), "snake_case: " + family.getKey());
            if (!family.getValue().equals("histogram") && !family.getValue().equals("summary")) {
                assertFalse(family.getKey().endsWith("_count"), "only histograms and summaries end in _count: " + family);
            }
            if (family.getValue().equals("counter")) {
                assertTrue(family.getKey().endsWith("_total"), "a counter ends in _total: " + family);
            }
        }
        for (String gauge : List.of("memory_used_heap_bytes", "memory_committed_heap_bytes", "memory_max_heap_bytes",
                "cpu_available_processors", "cpu_system_load_average", "jvm_uptime_seconds", "thread_live",
                "thread_daemon", "thread_peak", "classloader_loaded_classes_current", "process_open_fds",
                "process_max_fds")) {
            assertEquals("gauge", types.get(gauge), gauge + " in " + types);
        }
        for (String counter : List.of("thread_started_total", "classloader_loaded_classes_total",
                "classloader_unloaded_classes_total", "gc_total", "gc_time_seconds_total")) {
            assertEquals("counter", types.get(counter), counter + " in " + types);
        }
        for (String gone : List.of("memory_usedHeap_bytes", "thread_count", "thread_daemon_count", "thread_max_count",
                "thread_starts", "classloader_loadedClasses_count")) {
            assertFalse(types.containsKey(gone), gone + " is no longer served");
        }
    }

    @Test
    void theProcessFileDescriptorsAreItsOwn() throws IOException {
        Map<String, Double> samples = samples(get(managementPort(), "/observe/metrics", "text/plain").body());

        double open = samples.get("process_open_fds{scope=\"base\"}");
        double max = samples.get("process_max_fds{scope=\"base\"}");
        // What the kernel says this process has open, give or take sockets other tests' servers are closing.
        long listed;
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            listed = fds.count();
        }
        assertTrue(Math.abs(open - listed) <= Math.max(10, listed / 10), open + " open, /proc/self/fd lists " + listed);
        assertTrue(max >= open, "max " + max);
    }

    @Test
    void theConnectionPoolsAndTheBuildAreGaugesWithTheirLabels() {
        int[] active = {3};
        metrics.connectionPool("work", () -> active[0], () -> 2, () -> 1, () -> 10);
        metrics.connectionPool("validation", () -> 0, () -> 4, () -> 0, () -> 4);
        metrics.buildInfo("1.4.0", "0123456789ab");
        active[0] = 5;

        String text = get(managementPort(), "/observe/metrics", "text/plain").body();

        Map<String, String> types = types(text);
        assertEquals("gauge", types.get("warden_db_pool_connections"));
        assertEquals("gauge", types.get("warden_build_info"));
        Map<String, Double> samples = samples(text);
        assertEquals(5.0, samples.get(pool("work", "active")), "read at scrape time");
        assertEquals(2.0, samples.get(pool("work", "idle")));
        assertEquals(1.0, samples.get(pool("work", "pending")));
        assertEquals(10.0, samples.get(pool("work", "max")));
        assertEquals(4.0, samples.get(pool("validation", "idle")));
        assertEquals(4.0, samples.get(pool("validation", "max")));
        assertEquals(1.0, samples.get(
                "warden_build_info{commit=\"0123456789ab\",scope=\"application\",version=\"1.4.0\"}"), text);
    }

    private static String pool(String pool, String state) {
        return "warden_db_pool_connections{pool=\"" + pool + "\",scope=\"application\",state=\"" + state + "\"}";
    }

    /** Family name to type, from the {@code # TYPE} lines. */
    static Map<String, String> types(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            }
        }
        return types;
    }

    @Test
    void prometheusAskingForOpenMetricsGetsItWithTheSameSampleNames() {
        metrics.loginAttempted(LoginOutcome.FAILED);

        Reply reply = get(managementPort(), "/observe/metrics",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/openmetrics-text"), reply.contentType());
        assertTrue(reply.body().contains("warden_logins_total{outcome=\"failed\",scope=\"application\"} 1.0"),
                reply.body());
        assertTrue(reply.body().contains("warden_session_validation_seconds_bucket{"), reply.body());
    }

    @Test
    void givenTheFiguresCannotBeReadYet_thenTheGaugesAreNaNAndTheLastFiguresStayAfterAFailure() {
        management.close();
        metrics.close();
        figures.set(null);
        sessions.set(null);
        metrics = new HelidonWardenMetrics();
        management = ManagementPort.start(metrics, query, Duration.ofHours(1), Duration.ofHours(1), databaseUp::get,
                CLOCK);
        server.stop();
        server = WebServer.builder().host("127.0.0.1").port(0)
                .update(builder -> management.configure(builder, "127.0.0.1", 0)).build().start();

        management.refreshGauges();
        Map<String, Double> unread = samples(get(managementPort(), "/observe/metrics", "text/plain").body());
        figures.set(new Backlog(Instant.now(), 0, Optional.empty(), 0));
        sessions.set(5L);
        management.refreshGauges();
        figures.set(null);
        sessions.set(null);
        management.refreshGauges();
        Map<String, Double> kept = samples(get(managementPort(), "/observe/metrics", "text/plain").body());

        assertTrue(unread.get("warden_sessions_active{scope=\"application\"}").isNaN());
        assertEquals(5.0, kept.get("warden_sessions_active{scope=\"application\"}"));
        assertEquals(0.0, kept.get("warden_outbox_oldest_pending_age_seconds{scope=\"application\"}"));
    }

    @Test
    void theManagementHealthHasDetailsAndGoesDownWithTheDatabase() throws IOException {
        Reply up = get(managementPort(), "/observe/health", "application/json");
        databaseUp.set(false);
        management.refreshGauges();
        assertEquals(0.0, samples(get(managementPort(), "/observe/metrics", "text/plain").body())
                .get("warden_health_up{scope=\"application\"}"), "the health as a metric, for alert rules");
        Reply down = get(managementPort(), "/observe/health", "application/json");
        Reply ready = get(managementPort(), "/observe/health/ready", "application/json");

        assertEquals(200, up.status(), up.body());
        JsonNode checks = JSON.readTree(up.body()).path("checks");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        checks.forEach(check -> byName.put(check.path("name").asText(), check));
        assertTrue(byName.keySet().containsAll(List.of("database", "outbox", "deadlock", "diskSpace", "heapMemory")),
                byName.keySet().toString());
        assertEquals(3, byName.get("outbox").path("data").path("pending").asLong());
        assertTrue(byName.get("outbox").path("data").path("oldestPendingAgeSeconds").asLong() >= 90);
        assertEquals(503, down.status(), down.body());
        assertTrue(down.body().contains("\"name\":\"database\",\"status\":\"DOWN\""), down.body());
        assertEquals(503, ready.status(), ready.body());
        assertFalse(up.body().contains("secret"), up.body());
    }

    @Test
    void thePublicPortServesNeitherMetricsNorHealthDetails() {
        metrics.loginAttempted(LoginOutcome.SUCCEEDED);

        Reply metricsReply = get(server.port(), "/observe/metrics", "text/plain");
        Reply health = get(server.port(), "/observe/health", "application/json");
        Reply ready = get(server.port(), "/observe/health/ready", "application/json");

        assertEquals(404, metricsReply.status(), metricsReply.body());
        assertFalse(metricsReply.body().contains("warden_"), metricsReply.body());
        assertEquals("{\"status\":\"UP\"}", health.body());
        assertEquals(404, ready.status(), ready.body());
        assertEquals(404, get(managementPort(), "/api/auth/session", "application/json").status(),
                "and the management port serves no API");
    }

    private int managementPort() {
        return server.port(ManagementPort.SOCKET);
    }

    /** Sample lines as name{labels} -> value; comments skipped. */
    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int split = line.lastIndexOf(' ');
            String name = line.substring(0, split).replace(",}", "}");
            String value = line.substring(split + 1);
            samples.put(name, value.equals("NaN") ? Double.NaN : Double.parseDouble(value));
        }
        return samples;
    }

    private Reply get(int port, String path, String accept) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", accept).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, String contentType, String body) {
    }
}
