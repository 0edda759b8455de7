package dev.warden.adapter.http;

import dev.warden.application.port.in.UseCaseCatalogue;
import io.helidon.health.HealthCheck;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.spi.ServerFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The HTTP adapter's entry point for the composition root and for tests: the same wiring in both.
 *
 * <pre>{@code
 * WebServer.builder().host(host).port(port)
 *         .update(b -> WardenHttp.configure(b, useCases, settings, databaseUp))
 *         .build().start();
 * }</pre>
 */
public final class WardenHttp {
    /**
     * The most request body bytes the server reads at all. Routes read at most {@link JsonBody#MAX_BYTES}
     * themselves, but Helidon reads a whole chunk before handing it on: without this limit one chunk
     * header announcing 2 GiB would make it buffer what follows. Past it, the answer is a 400.
     */
    public static final long MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** Where {@link #features()}' OpenAPI document is served. */
    static final String OPENAPI_PATH = "/openapi";

    private WardenHttp() {
    }

    /** {@link #routing(HttpRouting.Builder, UseCaseCatalogue, HttpSettings, BooleanSupplier)} with a health that is always UP. */
    public static void routing(HttpRouting.Builder routing, UseCaseCatalogue useCases, HttpSettings settings) {
        routing(routing, useCases, settings, () -> true);
    }

    /**
     * Registers, in this order: the security headers, the access log, the problem-detail error
     * handlers, every REST route of docs/api.md, a problem 404/405 for any other {@code /api} path,
     * the public {@code /observe/health} (UP while {@code databaseUp} answers true), and the web
     * console at {@code /}.
     */
    public static void routing(HttpRouting.Builder routing, UseCaseCatalogue useCases, HttpSettings settings,
                               BooleanSupplier databaseUp) {
        routing(routing, useCases, settings, databaseUp, null);
    }

    /**
     * {@link #routing(HttpRouting.Builder, UseCaseCatalogue, HttpSettings, BooleanSupplier)}, and, first of
     * all, every request counted and timed in {@code metrics} by method, route template and status
     * ({@link HttpRequestMetrics}); none when {@code metrics} is null.
     */
    public static void routing(HttpRouting.Builder routing, UseCaseCatalogue useCases, HttpSettings settings,
                               BooleanSupplier databaseUp, HelidonWardenMetrics metrics) {
        ClientInfoReader clients = new ClientInfoReader(settings.trustedProxies());
        List<ApiRoutes> services = routeGroups(useCases, settings, clients);
        List<ApiRoute> routes = new ArrayList<>();
        for (ApiRoutes service : services) {
            routes.addAll(service.routes());
        }
        if (metrics != null) {
            Set<String> templates = new HashSet<>();
            routes.forEach(route -> templates.add(route.path()));
            templates.add(PublicHealth.PATH);
            templates.add(OPENAPI_PATH);
            routing.addFilter(new HttpRequestMetrics(metrics, templates));
        }
        routing.addFilter(new SecurityHeaders());
        routing.addFilter(new AccessLog(clients));
        ProblemHandlers.register(routing);
        for (ApiRoutes service : services) {
            routing.register(service);
        }
        routing.register(new ApiFallback(routes));
        routing.register(new PublicHealth(new DatabaseHealthCheck(databaseUp)));
        routing.register("/", Console.service(settings.consoleLocation()));
    }

    /**
     * The public server's features: {@code /openapi} from {@code META-INF/openapi.yaml}. No observe
     * endpoints: the public {@code /observe/health} is {@link PublicHealth} (UP or DOWN, nothing
     * else), and metrics and detailed health are on the management port only ({@link ManagementPort},
     * whose ObserveFeature is bound to its own socket). {@link #configure} turns off feature discovery,
     * so Helidon adds no observe endpoints to the public port by itself.
     */
    public static List<ServerFeature> features() {
        return List.of(OpenApiFeature.create());
    }

    /**
     * Problem-detail bodies also for requests the server rejects before routing (a malformed
     * request target, for example); set on the server builder with {@code directHandlers(...)}.
     */
    public static DirectHandlers directHandlers() {
        return ProblemHandlers.directHandlers();
    }

    /** Routing, direct handlers, the payload limit and features in one call, for a server builder. */
    public static void configure(WebServerConfig.Builder server, UseCaseCatalogue useCases, HttpSettings settings,
                                 BooleanSupplier databaseUp) {
        configure(server, useCases, settings, databaseUp, null);
    }

    /** {@link #configure(WebServerConfig.Builder, UseCaseCatalogue, HttpSettings, BooleanSupplier)}, counting requests in {@code metrics} (none if null). */
    public static void configure(WebServerConfig.Builder server, UseCaseCatalogue useCases, HttpSettings settings,
                                 BooleanSupplier databaseUp, HelidonWardenMetrics metrics) {
        server.maxPayloadSize(MAX_PAYLOAD_BYTES);
        server.routing(routing -> routing(routing, useCases, settings, databaseUp, metrics));
        // Nagle's algorithm held the last segment of every keep-alive response over about 8 KB for a
        // delayed ACK: 44 ms on an admin page (docs/benchmarks.md, "TCP_NODELAY").
        server.connectionOptions(options -> options.tcpNoDelay(true));
        server.directHandlers(directHandlers());
        // Exactly the features listed here (and the management port's): one discovered from the
        // classpath would put Helidon's observe endpoints, with their details, on the public port.
        server.featuresDiscoverServices(false);
        features().forEach(server::addFeature);
    }

    /** The readiness check named "database", UP while {@code databaseUp} answers true. */
    public static HealthCheck databaseCheck(BooleanSupplier databaseUp) {
        return new DatabaseHealthCheck(databaseUp);
    }

    /** A REST route as registered: its method and Helidon path template, e.g. {@code /api/admin/sessions/{id}}. */
    public record RouteTemplate(String method, String path) {
    }

    /** The route table: every REST route {@link #routing} registers, for tests outside this module (fuzzing). */
    public static List<RouteTemplate> routeTable(UseCaseCatalogue useCases, HttpSettings settings) {
        return apiRoutes(useCases, settings).stream()
                .map(route -> new RouteTemplate(route.method().text(), route.path()))
                .toList();
    }

    /** Every REST route, as registered by {@link #routing}; the OpenAPI test compares against it. */
    static List<ApiRoute> apiRoutes(UseCaseCatalogue useCases, HttpSettings settings) {
        List<ApiRoute> routes = new ArrayList<>();
        for (ApiRoutes service : routeGroups(useCases, settings, new ClientInfoReader(settings.trustedProxies()))) {
            routes.addAll(service.routes());
        }
        return routes;
    }

    private static List<ApiRoutes> routeGroups(UseCaseCatalogue useCases, HttpSettings settings, ClientInfoReader clients) {
        SessionCookies cookies = new SessionCookies(settings.cookieSecure());
        Authenticator authenticator = new Authenticator(useCases.validateSession(), cookies);
        Views views = new Views(settings.policy(), useCases.describeClient());
        SsfEndpoints ssf = new SsfEndpoints(settings.publicUrl());
        ReceiverAuthenticator receivers = new ReceiverAuthenticator(useCases.authenticateReceiver());
        SsfStreamJson streamJson = new SsfStreamJson(ssf);
        return List.of(
                new AuthRoutes(useCases.login(), useCases.logout(), useCases.reauthenticate(), authenticator, clients,
                        cookies, views),
                new SessionsAdminRoutes(useCases.listActiveSessions(), useCases.terminateSession(),
                        useCases.terminateUserSessions(), useCases.terminateSessionsFromAddress(), authenticator,
                        views),
                new OwnAccountRoutes(useCases.listOwnSessions(), useCases.endOwnSession(),
                        useCases.endOtherOwnSessions(), useCases.changeOwnPassword(), authenticator, clients,
                        cookies, views),
                new UsersAdminRoutes(useCases.listUsers(), useCases.createUser(), useCases.unlockUser(),
                        new UsersAdminRoutes.Lifecycle(useCases.disableUser(), useCases.enableUser(),
                                useCases.changeRole(), useCases.resetPassword()),
                        authenticator, views),
                new AuditAdminRoutes(useCases.listAuditEntries(), authenticator, views),
                new AlarmsAdminRoutes(useCases.listAlarms(), useCases.acknowledgeAlarm(), authenticator, views),
                new SsfClientsAdminRoutes(useCases.registerReceiver(), useCases.listReceivers(),
                        useCases.revokeReceiver(), authenticator, ssf, views),
                // Shared Signals receivers: OAuth bearer tokens, never the session cookie.
                new OAuthTokenRoutes(useCases.issueReceiverToken(), clients, ssf),
                new SsfMetadataRoutes(useCases.listSigningKeys(), ssf),
                new SsfStreamRoutes(useCases.createStream(), useCases.readStream(), useCases.listStreams(),
                        useCases.updateStream(), useCases.deleteStream(), receivers, ssf, streamJson),
                new SsfStreamControlRoutes(useCases.readStreamStatus(), useCases.updateStreamStatus(),
                        useCases.changeStreamSubjects(), useCases.verifyStream(), receivers, ssf),
                new SsfPollRoutes(useCases.pollStream(), receivers, ssf),
                new SsfStreamsAdminRoutes(useCases.listAllStreams(), authenticator, ssf, streamJson));
    }
}
