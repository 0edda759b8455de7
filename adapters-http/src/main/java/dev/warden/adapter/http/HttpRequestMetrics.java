package dev.warden.adapter.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Counts and times every request of the public port ({@code warden_http_requests_total{method,route,status}},
 * {@code warden_http_request_duration_seconds{method,route}}), with labels an attacker cannot multiply:
 *
 * <ul>
 * <li>{@code route} is the template of the route that answered ({@code /api/admin/sessions/{id}}, never
 *     the id), as Helidon matched it, when it is one of the templates this server registered
 *     ({@link WardenHttp}'s route table, {@code /observe/health}, {@code /openapi}); {@code console} for a
 *     file of the web console; else {@value #UNMATCHED}: a 404 for an unknown path (under {@code /api} or
 *     not), a 405 for a known path with a method it does not have;</li>
 * <li>{@code method} is one of {@link #METHODS}, else {@value #OTHER};</li>
 * <li>{@code status} is the status sent, also when an error handler wrote it.</li>
 * </ul>
 *
 * <p>The duration runs from the filter (before the security headers and the access log) to the last
 * byte sent, so a streamed CSV export counts whole. Requests the server refuses before routing (a
 * malformed request line) reach no filter and are not counted.
 */
final class HttpRequestMetrics implements Filter {
    /** The route of a request no route answered. */
    static final String UNMATCHED = "unmatched";
    /** The route of the web console's files. */
    static final String CONSOLE = "console";
    /** The method label of any method not in {@link #METHODS}. */
    static final String OTHER = "other";
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final HelidonWardenMetrics metrics;
    private final Set<String> templates;

    /** @param templates every route template the server registered; any other matched pattern is {@value #UNMATCHED} */
    HttpRequestMetrics(HelidonWardenMetrics metrics, Set<String> templates) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.templates = Set.copyOf(templates);
    }

    /** Marks the request as answered by {@code route} when no route template says it ({@link #CONSOLE}). */
    static void answeredBy(ServerRequest req, String route) {
        req.context().register(new Route(route));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String method = method(req.prologue().method().text());
        // whenSent sees the final status and the route that answered, also when an error handler wrote it.
        res.whenSent(() -> metrics.httpRequest(method, route(req), res.status().code(),
                Duration.ofNanos(System.nanoTime() - start)));
        chain.proceed();
    }

    static String method(String method) {
        return METHODS.contains(method) ? method : OTHER;
    }

    private String route(ServerRequest req) {
        return req.context().get(Route.class).map(Route::name)
                .or(() -> req.matchingPattern().filter(templates::contains))
                .orElse(UNMATCHED);
    }

    private record Route(String name) {
    }
}
