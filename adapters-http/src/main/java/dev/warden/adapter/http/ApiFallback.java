package dev.warden.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers every {@code /api} (and {@code /ssf}, {@code /oauth2}) request no route took: 405 when the path exists with other methods,
 * else 404, both as problem details rather than the console's static 404.
 */
final class ApiFallback implements HttpService {
    private final List<ApiRoute> routes;

    ApiFallback(List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/api", this::unmatched).any("/api/*", this::unmatched)
                // The Shared Signals and OAuth paths are API too: no console page may answer them.
                .any("/ssf/*", this::unmatched).any("/oauth2/*", this::unmatched);
    }

    private void unmatched(ServerRequest req, ServerResponse res) {
        String allowed = routes.stream()
                .filter(route -> PathMatchers.create(route.path()).match(req.path()).accepted())
                .map(route -> route.method().text())
                .distinct()
                .collect(Collectors.joining(", "));
        if (allowed.isEmpty()) {
            throw new HttpProblem(ProblemType.NOT_FOUND, "No API resource at this path.");
        }
        res.headers().set(HeaderNames.ALLOW, allowed);
        throw new HttpProblem(ProblemType.METHOD_NOT_ALLOWED, "This resource allows " + allowed + ".");
    }
}
