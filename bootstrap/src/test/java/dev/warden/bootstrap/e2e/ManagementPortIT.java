package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The management port of a real Warden (PostgreSQL, Kafka) after real traffic: Prometheus sees the
 * logins by outcome, the lockout and the throttled attempt, the validation histogram, the session
 * ends by reason, the relay's publishing and the database gauges. The public port shows none of it.
 * And the shipped Grafana dashboard and alert rules use only names a real scrape has.
 */
class ManagementPortIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "warden-dashboard.json");
    private static final Path ALERT_RULES = Path.of("..", "docs", "prometheus", "warden-alerts.yml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningWarden warden;

    @BeforeAll
    static void start() {
        warden = RunningWarden.start(Map.of(
                "WARDEN_LOCKOUT_THRESHOLD", "2",
                "WARDEN_LOGIN_IP_FAILURE_LIMIT", "3",
                "WARDEN_METRICS_REFRESH_INTERVAL", "PT1S",
                "WARDEN_METRICS_SESSION_COUNT_INTERVAL", "PT1S"));
    }

    @AfterAll
    static void stop() {
        warden.close();
    }

    @Test
    void givenRealTraffic_whenPrometheusScrapes_thenCountersHistogramAndGaugesShowIt() {
        ApiClient api = warden.client();
        String owner = warden.ownerToken();
        ApiClient.Response created = api.post("/api/admin/users", owner,
                "{\"username\":\"metered\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
        assertEquals(201, created.status(), created.body());
        PrometheusScrape before = PrometheusScrape.of(warden.managementUrl());

        assertEquals(401, warden.clientFrom("127.0.3.1").login(RunningWarden.OWNER, "not the password").status());
        ApiClient attacker = warden.clientFrom("127.0.3.2");
        assertEquals(401, attacker.login("metered", "guess one").status());
        assertEquals(401, attacker.login("metered", "guess two").status()); // the account locks here
        assertEquals(401, warden.clientFrom("127.0.3.3").login("metered", PASSWORD).status(), "locked");
        ApiClient sprayer = warden.clientFrom("127.0.3.4");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, sprayer.login("nobody-" + i, "spray").status());
        }
        assertEquals(429, sprayer.login("nobody-3", "spray").status(), "the address is throttled");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/api/auth/session", owner).status());
        }
        String second = warden.ownerToken();
        String secondId = api.get("/api/auth/session", second).json().path("session").path("id").asText();
        assertEquals(204, api.delete("/api/admin/sessions/" + secondId, owner).status());
        assertEquals(204, api.post("/api/auth/logout", warden.ownerToken(), null).status());
        long active = api.get("/api/admin/sessions", owner).json().path("total").asLong();

        // No manual refresh: the gauges are read in the background every WARDEN_METRICS_REFRESH_INTERVAL.
        PrometheusScrape after = Eventually.await("the relay to publish and the gauges to catch up",
                Duration.ofSeconds(30), () -> PrometheusScrape.of(warden.managementUrl()),
                scrape -> scrape.value("warden_outbox_pending") == 0
                        && scrape.value("warden_sessions_active") == active
                        && delta(before, scrape, "warden_outbox_published_total") >= 4);

        assertEquals(2, delta(before, after, "warden_logins_total{outcome=\"succeeded\"}"), "two owner logins");
        assertEquals(6, delta(before, after, "warden_logins_total{outcome=\"failed\"}"), "1 + 2 + 3 wrong");
        assertEquals(1, delta(before, after, "warden_logins_total{outcome=\"locked\"}"));
        assertEquals(1, delta(before, after, "warden_logins_total{outcome=\"throttled\"}"));
        assertEquals(0, delta(before, after, "warden_logins_total{outcome=\"session_limit\"}"));
        assertEquals(1, delta(before, after, "warden_login_throttled_total"));
        assertEquals(1, delta(before, after, "warden_account_lockouts_total"));
        assertEquals(1, delta(before, after, "warden_sessions_ended_total{reason=\"admin_terminated\"}"));
        assertEquals(1, delta(before, after, "warden_sessions_ended_total{reason=\"user_logout\"}"));
        assertEquals(0, delta(before, after, "warden_sessions_ended_total{reason=\"idle_timeout\"}"));
        double validations = delta(before, after, "warden_session_validation_seconds_count");
        assertTrue(validations >= 8, "5 session reads, 2 admin calls, 1 logout, at least: " + validations);
        assertEquals(validations, delta(before, after, "warden_session_validation_seconds_bucket{le=\"+Inf\"}"));
        assertTrue(after.value("warden_session_validation_seconds_sum") > 0);
        assertEquals(1, after.value("warden_sessions_active"), "the first owner session is the only one left");
        assertEquals(0, after.value("warden_outbox_oldest_pending_age_seconds"));
        assertEquals(0, after.value("warden_alarms_open"));
        assertEquals(1, after.value("warden_health_up"));
    }

    @Test
    void thePublicPortAnswersOnlyUpAndServesNoMetrics() {
        ApiClient api = warden.client();

        ApiClient.Response health = api.get("/observe/health", null);
        ApiClient.Response metrics = api.send("GET", "/observe/metrics", null, null, Map.of("Accept", "text/plain"));
        ApiClient.Response details = api.get("/observe/health/ready", null);

        assertEquals(200, health.status());
        assertEquals("{\"status\":\"UP\"}", health.body());
        assertEquals(404, metrics.status(), metrics.body());
        assertFalse(metrics.body().contains("warden_"), metrics.body());
        assertEquals(404, details.status(), details.body());
    }

    @Test
    void theManagementHealthNamesItsChecksWithDetails() throws IOException {
        ApiClient management = new ApiClient(warden.managementUrl(), null);

        ApiClient.Response health = management.get("/observe/health", null);

        assertEquals(200, health.status(), health.body());
        Set<String> names = new TreeSet<>();
        health.json().path("checks").forEach(check -> names.add(check.path("name").asText()));
        assertTrue(names.containsAll(List.of("database", "outbox", "kafka", "alarm-streams", "deadlock", "diskSpace",
                "heapMemory")), names.toString());
        JsonNode outbox = null;
        for (JsonNode check : health.json().path("checks")) {
            if (check.path("name").asText().equals("outbox")) {
                outbox = check;
            }
        }
        assertTrue(outbox.path("data").path("pending").isNumber(), health.body());
        assertFalse(health.body().contains(TestPostgres.password().isEmpty() ? "jdbc:" : TestPostgres.password()),
                "no connection details");
    }

    @Test
    void aHealthyTopologyIsRunningAndUpAndTheRelayNeverFailed() {
        ApiClient management = new ApiClient(warden.managementUrl(), null);

        JsonNode topology = Eventually.await("the in-process topology to run", Duration.ofSeconds(60),
                () -> check(management, "alarm-streams"), check -> check.path("data").path("state").asText().equals("RUNNING"));
        PrometheusScrape scrape = PrometheusScrape.of(warden.managementUrl());
        JsonNode kafka = check(management, "kafka");

        assertTrue(topology.path("data").path("processing").asBoolean(), topology.toString());
        assertEquals(1, scrape.value("warden_alarm_streams_up"));
        assertEquals(0, scrape.value("warden_outbox_publish_failures_total"));
        assertEquals(0, kafka.path("data").path("failuresSinceLastPublish").asLong(), kafka.toString());
        assertFalse(kafka.path("data").has("lastError"), kafka.toString());
    }

    private static JsonNode check(ApiClient management, String name) {
        for (JsonNode check : management.get("/observe/health", null).json().path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesUseExistsInARealScrape() throws IOException {
        // The request series appear with the first public request (counted once its answer is sent).
        assertEquals(200, warden.client().get("/observe/health", null).status());
        Set<String> scraped = Eventually.await("the request to be counted", Duration.ofSeconds(10),
                () -> PrometheusScrape.of(warden.managementUrl()).names(),
                names -> names.contains("warden_http_requests_total"));
        List<String> expressions = new ArrayList<>();
        collectExpressions(JSON.readTree(DASHBOARD.toFile()), expressions);
        Set<String> onTheDashboard = new TreeSet<>();
        expressions.forEach(panel -> onTheDashboard.addAll(metricNames(panel)));
        Matcher rule = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$").matcher(Files.readString(ALERT_RULES));
        while (rule.find()) {
            expressions.add(rule.group(1));
            // Whoever gets an alert finds its metric on the dashboard (Shared Signals' row included).
            for (String name : metricNames(rule.group(1))) {
                assertTrue(name.equals("up") || onTheDashboard.contains(name),
                        name + " (alert rule " + rule.group(1) + ") has no panel on the dashboard");
            }
        }
        assertTrue(expressions.size() >= 10, "the dashboard's panels and the rules: " + expressions);

        for (String expression : expressions) {
            Set<String> metrics = metricNames(expression);
            assertFalse(metrics.isEmpty(), "selects no metric: " + expression);
            for (String name : metrics) {
                assertTrue(name.equals("up") || scraped.contains(name),
                        name + " (in " + expression + ") is not in a real scrape of the management port: " + scraped);
            }
        }
    }

    /** Panel targets ("expr") anywhere in the dashboard JSON. */
    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    into.add(field.getValue().asText());
                } else {
                    collectExpressions(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExpressions(child, into));
        }
    }

    /** PromQL functions and keywords that look like metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "rate", "irate", "increase", "max", "min", "avg",
            "count", "by", "without", "on", "ignoring", "and", "or", "unless", "bool", "offset", "histogram_quantile",
            "clamp_min", "clamp_max", "max_over_time", "min_over_time", "avg_over_time", "absent", "vector", "time",
            "topk", "group_left", "group_right", "le", "outcome", "reason", "instance", "job", "method", "route",
            "status", "pool", "state", "version", "commit");

    /** The metric names an expression selects: identifiers outside label matchers, ranges and strings. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*").matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            if (!PROMQL.contains(name) && !name.matches("\\d.*|e\\d+|Inf|NaN")) {
                names.add(name);
            }
        }
        return names;
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String key) {
        return after.value(key) - before.value(key);
    }
}
