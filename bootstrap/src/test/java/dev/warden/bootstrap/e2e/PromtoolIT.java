package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.BuildInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole management scrape of a real Warden after real traffic, as Prometheus's own tooling
 * judges it: {@code promtool check metrics} finds nothing (snake_case names, no gauge ending in
 * {@code _count}, counters ending in {@code _total}), and the shipped alert rules pass
 * {@code promtool check rules}. And the operations series are there with their labels: requests by
 * route template, the connection pools, the open files, the build.
 */
class PromtoolIT {
    private static final Path ALERT_RULES = Path.of("..", "docs", "prometheus", "warden-alerts.yml");
    private static final String SESSION_ROUTE = "/api/admin/sessions/{id}";

    private static RunningWarden warden;

    @BeforeAll
    static void start() {
        Promtool.requireInstalled(); // before starting anything: the one line that says what to install
        warden = RunningWarden.start(Map.of("WARDEN_DB_POOL_SIZE", "9"));
        traffic();
    }

    @AfterAll
    static void stop() {
        if (warden != null) {
            warden.close();
        }
    }

    @Test
    void givenRealTraffic_thenPromtoolFindsNothingInTheWholeScrape() {
        PrometheusScrape scrape = scrapeAfterTraffic();

        Promtool.Result result = Promtool.checkMetrics(scrape.text());

        assertEquals("", result.output().strip(), "promtool check metrics on the management scrape");
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void theShippedAlertRulesPassPromtool() {
        Promtool.Result result = Promtool.checkRules(ALERT_RULES);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void requestsAreCountedByRouteTemplateAndUnknownPathsAsUnmatched() {
        PrometheusScrape scrape = scrapeAfterTraffic();

        assertTrue(scrape.value(requests("DELETE", SESSION_ROUTE, 204)) >= 1, "counted under the template");
        assertTrue(scrape.value(requests("GET", "unmatched", 404)) >= 2, "both unknown paths in one series");
        assertTrue(scrape.value(requests("POST", "/api/auth/login", 401)) >= 1);
        assertTrue(scrape.value(requests("GET", "/api/auth/session", 200)) >= 1);
        assertTrue(scrape.value("warden_http_request_duration_seconds_count{method=\"GET\",route=\"/api/auth/session\"}") >= 1);
        assertTrue(scrape.value("warden_http_request_duration_seconds_bucket{method=\"DELETE\",route=\"" + SESSION_ROUTE
                + "\",le=\"+Inf\"}") >= 1);
        assertFalse(scrape.text().contains("no-such-page"), "no raw path in any label");
        assertTrue(scrape.text().contains("# TYPE warden_http_requests_total counter\n"));
        assertTrue(scrape.text().contains("# TYPE warden_http_request_duration_seconds histogram\n"));
    }

    @Test
    void theConnectionPoolsOpenFilesAndBuildAreInTheScrape() {
        PrometheusScrape scrape = scrapeAfterTraffic();

        assertEquals(9, scrape.value(pool("work", "max")), "WARDEN_DB_POOL_SIZE");
        assertEquals(3, scrape.value(pool("validation", "max")), "a third of it");
        for (String pool : new String[] {"work", "validation"}) {
            double open = scrape.value(pool(pool, "active")) + scrape.value(pool(pool, "idle"));
            assertTrue(open >= 1 && open <= scrape.value(pool(pool, "max")), pool + ": " + open);
            assertEquals(0, scrape.value(pool(pool, "pending")), pool);
        }
        double openFiles = scrape.value("process_open_fds");
        assertTrue(openFiles > 10, "sockets, jars, the pools' connections: " + openFiles);
        assertTrue(scrape.value("process_max_fds") >= openFiles);

        BuildInfo build = BuildInfo.current();
        assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+.*"), "the Maven project version: " + build.version());
        if (Files.isDirectory(Path.of("..", ".git"))) {
            assertTrue(build.commit().matches("[0-9a-f]{12}"), "built from a git checkout: " + build.commit());
        }
        assertEquals(1, scrape.value("warden_build_info{commit=\"" + build.commit() + "\",version=\"" + build.version()
                + "\"}"), scrape.text());
    }

    /** A login that fails, two that succeed, session reads, a termination by id, two unknown paths. */
    private static void traffic() {
        ApiClient api = warden.client();
        assertEquals(401, api.login("nobody", "not the password").status());
        String owner = warden.ownerToken();
        String second = warden.ownerToken();
        assertEquals(200, api.get("/api/auth/session", owner).status());
        String secondId = api.get("/api/auth/session", second).json().path("session").path("id").asText();
        assertEquals(204, api.delete("/api/admin/sessions/" + secondId, owner).status());
        assertEquals(404, api.get("/no-such-page", null).status());
        assertEquals(404, api.get("/api/no-such-page", owner).status());
    }

    /** The scrape once the traffic shows in it. */
    private static PrometheusScrape scrapeAfterTraffic() {
        String deleted = requests("DELETE", SESSION_ROUTE, 204);
        String unmatched = requests("GET", "unmatched", 404);
        // Counted once the response is sent, which the client can see a moment before.
        return Eventually.await("the requests to be counted", Duration.ofSeconds(10),
                () -> PrometheusScrape.of(warden.managementUrl()),
                scrape -> scrape.samples().containsKey(deleted) && scrape.samples().containsKey(unmatched)
                        && scrape.value(unmatched) >= 2);
    }

    private static String requests(String method, String route, int status) {
        return "warden_http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" + status + "\"}";
    }

    private static String pool(String pool, String state) {
        return "warden_db_pool_connections{pool=\"" + pool + "\",state=\"" + state + "\"}";
    }
}
