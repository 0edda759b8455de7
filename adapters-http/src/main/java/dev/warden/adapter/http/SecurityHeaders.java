package dev.warden.adapter.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The headers every response carries (docs/security.md): {@code nosniff}, and the
 * console's Content-Security-Policy and Referrer-Policy, which are sent on every response (an API
 * answer opened in a browser tab gets the same protection); API and health answers also
 * {@code Cache-Control: no-store}. Set before the route runs: Helidon's error handling keeps
 * headers, and {@link ProblemHandlers} sets them again for answers built outside routing.
 */
final class SecurityHeaders implements Filter {
    static final Header NOSNIFF = HeaderValues.create(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    static final Header CONTENT_SECURITY_POLICY = HeaderValues.create(HeaderNames.create("Content-Security-Policy"),
            "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
    static final Header REFERRER_POLICY = HeaderValues.create(HeaderNames.create("Referrer-Policy"), "no-referrer");
    static final Header NO_STORE = HeaderValues.create(HeaderNames.CACHE_CONTROL, "no-store");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        applyTo(res.headers(), isUncacheable(req.path().rawPath()));
        chain.proceed();
    }

    /** Sets the headers; {@code noStore} for API answers, problems and health. */
    static void applyTo(WritableHeaders<?> headers, boolean noStore) {
        headers.set(NOSNIFF);
        headers.set(CONTENT_SECURITY_POLICY);
        headers.set(REFERRER_POLICY);
        if (noStore) {
            headers.set(NO_STORE);
        }
    }

    private static boolean isUncacheable(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals(PublicHealth.PATH);
    }
}
