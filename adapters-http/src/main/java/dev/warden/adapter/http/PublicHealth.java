package dev.warden.adapter.http;

import io.helidon.health.HealthCheckResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /observe/health} on the public port: {@code {"status":"UP"}} (200) or
 * {@code {"status":"DOWN"}} (503), and nothing else. Which check failed, disk and heap figures
 * help an attacker more than a load balancer, so details are for the management side only.
 */
final class PublicHealth implements HttpService {
    static final String PATH = "/observe/health";

    private final DatabaseHealthCheck database;

    PublicHealth(DatabaseHealthCheck database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::health).head(PATH, this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        boolean up = database.call().status() == HealthCheckResponse.Status.UP;
        res.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set(HeaderNames.CONTENT_TYPE, "application/json");
        Responses.sendUnlessHead(req, res, Json.write(Map.of("status", up ? "UP" : "DOWN")));
    }
}
