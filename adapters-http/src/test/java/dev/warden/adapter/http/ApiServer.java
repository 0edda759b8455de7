package dev.warden.adapter.http;

import dev.warden.application.port.in.UseCaseCatalogue;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The API tests' server, as a JUnit extension of the test class:
 * {@code @RegisterExtension static final ApiServer server = ApiServer.over(WARDEN);} starts a
 * {@link TestServer} (a real WebServer on a free port, production routing) over the {@link FakeWarden}
 * before the class's tests, resets the fake before each test and stops the server after the class.
 * The requests go through it ({@code server.get(...)}, {@code server.post(...)}, ...).
 *
 * <p>By default: secure cookies, no trusted proxy, the default policy, the real console, the routes
 * alone. Each {@code with...} method returns another, not yet started, server so configured; a class
 * may register several over the same fake (say, one with secure cookies and one without).
 */
final class ApiServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final FakeWarden warden;
    private final HttpSettings settings;
    /** The session validation the routes use instead of the fake's; null for the fake's own. */
    private final ValidateSessionUseCase validation;
    /** With {@link WardenHttp#configure}'s server features (payload limit, health, OpenAPI); null for routes alone. */
    private final BooleanSupplier databaseUp;
    private TestServer server;

    private ApiServer(FakeWarden warden, HttpSettings settings, ValidateSessionUseCase validation,
                      BooleanSupplier databaseUp) {
        this.warden = warden;
        this.settings = settings;
        this.validation = validation;
        this.databaseUp = databaseUp;
    }

    /** A server with the default settings over {@code warden}'s use cases. */
    static ApiServer over(FakeWarden warden) {
        return new ApiServer(warden, TestServer.settings(List.of()), null, null);
    }

    /** Without the {@code Secure} cookie attribute (and so without the {@code __Host-} prefix), as plain-HTTP development. */
    ApiServer withInsecureCookies() {
        return withSettings(new HttpSettings(false, settings.trustedProxies(), settings.policy(),
                settings.consoleLocation(), settings.publicUrl()));
    }

    /** Believing X-Forwarded-For from these peers. */
    ApiServer withTrustedProxies(Cidr... proxies) {
        return withSettings(new HttpSettings(settings.cookieSecure(), List.of(proxies), settings.policy(),
                settings.consoleLocation(), settings.publicUrl()));
    }

    /** Serving the console from this classpath folder (a test fixture) instead of the real one. */
    ApiServer withConsoleFrom(String classpathFolder) {
        return withSettings(new HttpSettings(settings.cookieSecure(), settings.trustedProxies(), settings.policy(),
                classpathFolder, settings.publicUrl()));
    }

    /** With the Shared Signals and OAuth routes on under {@code publicUrl} (WARDEN_PUBLIC_URL). */
    ApiServer withPublicUrl(String publicUrl) {
        return withSettings(settings.withPublicUrl(URI.create(publicUrl)));
    }

    /** With the server features of {@link WardenHttp#configure}, the public health answering {@code databaseUp}. */
    ApiServer withServerFeatures(BooleanSupplier databaseUp) {
        return new ApiServer(warden, settings, validation, databaseUp);
    }

    /** Validating sessions with {@code validation} (a database outage, say) instead of the fake's. */
    ApiServer withSessionValidation(ValidateSessionUseCase validation) {
        return new ApiServer(warden, settings, validation, databaseUp);
    }

    private ApiServer withSettings(HttpSettings changed) {
        return new ApiServer(warden, changed, validation, databaseUp);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        UseCaseCatalogue useCases = validation == null ? warden.useCases() : warden.useCases(validation);
        server = databaseUp == null
                ? TestServer.start(useCases, settings)
                : TestServer.startWithFeatures(useCases, settings, databaseUp);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        warden.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    // ---- requests, as TestServer sends them ----

    TestServer.Reply get(String path, String... headers) {
        return running().get(path, headers);
    }

    TestServer.Reply post(String path, String jsonBody, String... headers) {
        return running().post(path, jsonBody, headers);
    }

    TestServer.Reply delete(String path, String... headers) {
        return running().delete(path, headers);
    }

    TestServer.Reply send(String method, String path, String body, String... headers) {
        return running().send(method, path, body, headers);
    }

    TestServer.Reply send(HttpRequest request) {
        return running().send(request);
    }

    TestServer.Reply rawGet(String target, String... headers) {
        return running().rawGet(target, headers);
    }

    URI uri(String path) {
        return running().uri(path);
    }

    private TestServer running() {
        if (server == null) {
            throw new IllegalStateException("not started: register it with @RegisterExtension on a static field");
        }
        return server;
    }
}
