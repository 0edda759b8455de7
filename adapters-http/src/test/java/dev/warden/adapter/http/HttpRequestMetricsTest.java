package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public API's request metrics as an operator reads them: by method, route template and status,
 * with labels nobody can multiply by sending odd requests.
 */
class HttpRequestMetricsTest {
    private static final String SESSION_ID = "0b7c4f6e-2f1a-4c1e-9a59-2f0c1c3e9d10";

    private final FakeWarden warden = new FakeWarden();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HelidonWardenMetrics metrics;
    private ManagementPort management;
    private WebServer server;

    @BeforeEach
    void start() {
        metrics = new HelidonWardenMetrics();
        management = ManagementPort.start(metrics, new OperationalFiguresQuery() {
            @Override
            public Backlog backlog() {
                return new Backlog(Instant.now(), 0, Optional.empty(), 0);
            }

            @Override
            public long activeSessions() {
                return 0;
            }
        }, Duration.ofHours(1), Duration.ofHours(1), () -> true, Clock.systemUTC());
        server = WebServer.builder().host("127.0.0.1").port(0)
                .update(builder -> {
                    WardenHttp.configure(builder, warden.useCases(), TestServer.settings(List.of()), () -> true, metrics);
                    management.configure(builder, "127.0.0.1", 0);
                })
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
        management.close();
        metrics.close();
    }

    @Test
    void aRequestWithAnIdInThePathIsCountedUnderItsRouteTemplateNotTheId() {
        assertEquals(204, send("DELETE", "/api/admin/sessions/" + SESSION_ID, admin()));
        assertEquals(200, send("GET", "/api/auth/session", admin()));
        assertEquals(401, send("GET", "/api/auth/session", null));

        String text = awaitScrape(scrape -> requests(scrape, "GET", "/api/auth/session", 401) == 1);

        assertEquals(1, requests(text, "DELETE", "/api/admin/sessions/{id}", 204), text);
        assertEquals(1, requests(text, "GET", "/api/auth/session", 200));
        assertFalse(text.contains(SESSION_ID), "no id in any label");
        assertEquals(2, sample(text, "warden_http_request_duration_seconds_count", "GET", "/api/auth/session"),
                "one histogram per method and route, whatever the status");
        assertEquals(1, sample(text, "warden_http_request_duration_seconds_bucket", "DELETE",
                "/api/admin/sessions/{id}", "le=\"+Inf\""));
        assertTrue(sample(text, "warden_http_request_duration_seconds_sum", "DELETE", "/api/admin/sessions/{id}") > 0);
        assertTrue(text.contains("# TYPE warden_http_requests_total counter\n"), text);
        assertTrue(text.contains("# TYPE warden_http_request_duration_seconds histogram\n"), text);
    }

    @Test
    void unknownPathsAllLandInOneUnmatchedRoute() {
        for (int i = 0; i < 20; i++) {
            assertEquals(404, send("GET", "/no-such-page-" + UUID.randomUUID(), null));
            assertEquals(404, send("GET", "/api/no-such-resource/" + i, null));
        }

        String text = awaitScrape(scrape -> requests(scrape, "GET", HttpRequestMetrics.UNMATCHED, 404) == 40);

        assertEquals(40, requests(text, "GET", HttpRequestMetrics.UNMATCHED, 404), text);
        assertEquals(Set.of(HttpRequestMetrics.UNMATCHED), routes(text), "one series for every unknown path");
    }

    @Test
    void aKnownPathWithAMethodItDoesNotHaveIsUnmatchedAndOddMethodsAreOther() {
        assertEquals(405, send("PATCH", "/api/admin/sessions", admin()));
        assertEquals(405, send("BREW", "/api/admin/sessions", admin()));
        assertEquals(405, send("PURGE", "/api/admin/users", admin()));

        String text = awaitScrape(scrape -> requests(scrape, HttpRequestMetrics.OTHER, HttpRequestMetrics.UNMATCHED,
                405) == 2);

        assertEquals(1, requests(text, "PATCH", HttpRequestMetrics.UNMATCHED, 405), text);
        assertEquals(2, requests(text, HttpRequestMetrics.OTHER, HttpRequestMetrics.UNMATCHED, 405), text);
        assertFalse(text.contains("BREW") || text.contains("PURGE"), "no method the client made up");
    }

    @Test
    void theConsoleHealthAndOpenApiHaveRoutesOfTheirOwn() {
        assertEquals(200, send("GET", "/", null));
        assertEquals(200, send("GET", "/app.js", null));
        assertEquals(200, send("GET", "/observe/health", null));
        assertEquals(200, send("GET", "/openapi", null));
        assertEquals(404, send("GET", "/missing.js", null));

        String text = awaitScrape(scrape -> requests(scrape, "GET", HttpRequestMetrics.UNMATCHED, 404) == 1);

        assertEquals(2, requests(text, "GET", HttpRequestMetrics.CONSOLE, 200), text);
        assertEquals(1, requests(text, "GET", "/observe/health", 200), text);
        assertEquals(1, requests(text, "GET", "/openapi", 200), text);
        assertEquals(Set.of(HttpRequestMetrics.CONSOLE, "/observe/health", "/openapi", HttpRequestMetrics.UNMATCHED),
                routes(text));
    }

    @Test
    void everyRouteOfTheRouteTableIsCountedUnderItsOwnTemplate() {
        List<ApiRoute> routes = WardenHttp.apiRoutes(warden.useCases(), TestServer.settings(List.of()));
        for (ApiRoute route : routes) {
            String path = route.path().replaceAll("\\{[^}]+}", SESSION_ID);
            send(route.method().text(), path, admin());
        }

        String text = awaitScrape(scrape -> routes(scrape).size() >= routes.stream().map(ApiRoute::path).distinct().count());

        Set<String> expected = new TreeSet<>();
        routes.forEach(route -> expected.add(route.path()));
        assertEquals(expected, routes(text), "each request under the template it was sent to");
    }

    private String[] admin() {
        return new String[] {"Authorization", "Bearer " + warden.adminToken.reveal()};
    }

    private int send(String method, String path, String[] headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers != null) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String scrape() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port(ManagementPort.SOCKET)
                            + "/observe/metrics")).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request is counted once its last byte is sent, which the client may see first: scrape until it shows. */
    private String awaitScrape(Predicate<String> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String text = scrape();
        while (!done.test(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            text = scrape();
        }
        return text;
    }

    private static double requests(String text, String method, String route, int status) {
        return sample(text, "warden_http_requests_total", method, route, "status=\"" + status + "\"");
    }

    /** The sample of {@code name} with these method and route labels (and {@code extra}, if given); 0 when absent. */
    private static double sample(String text, String name, String method, String route, String... extra) {
        Map<String, Double> samples = ManagementPortTest.samples(text);
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            if (key.startsWith(name + "{") && key.contains("method=\"" + method + "\"")
                    && key.contains("route=\"" + route + "\"")
                    && (extra.length == 0 || key.contains(extra[0]))) {
                return sample.getValue();
            }
        }
        return 0;
    }

    /** Every route label value of warden_http_requests_total. */
    private static Set<String> routes(String text) {
        Set<String> routes = new TreeSet<>();
        Matcher route = Pattern.compile("(?m)^warden_http_requests_total\\{.*route=\"([^\"]*)\"").matcher(text);
        while (route.find()) {
            routes.add(route.group(1));
        }
        return routes;
    }
}
