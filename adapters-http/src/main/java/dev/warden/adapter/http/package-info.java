/**
 * The Helidon SE WebServer adapter: the REST API of docs/api.md, the web console's static files,
 * health, metrics and the OpenAPI document.
 *
 * <p>Entry points for the composition root: {@link dev.warden.adapter.http.WardenHttp} with
 * the application's {@link dev.warden.application.port.in.UseCaseCatalogue} and {@link dev.warden.adapter.http.HttpSettings}.
 *
 * <p>Design choices a client notices:
 * <ul>
 *   <li>Errors are RFC 9457 problems, written only by {@code ProblemHandlers}.</li>
 *   <li>CSRF: a cookie-authenticated POST/PUT/PATCH/DELETE needs {@code X-Warden-CSRF} equal to the
 *       login response's {@code csrfToken} (derived from the session token, so nothing is stored);
 *       bearer requests need none. JSON bodies must be {@code application/json}, which a cross-site
 *       HTML form cannot send, so login cannot be forged either.</li>
 *   <li>A wrong Content-Type on a JSON body is a 400 {@code invalid-request} (not 415), keeping to
 *       the error rows of docs/api.md.</li>
 *   <li>The client IP is the socket peer unless that is a trusted proxy; then the right-most
 *       X-Forwarded-For entry that is not itself a trusted proxy.</li>
 *   <li>The access log (logger {@code dev.warden.adapter.http.AccessLog}, INFO) holds method, path
 *       without query, status, duration and client IP, never headers or bodies.</li>
 * </ul>
 */
package dev.warden.adapter.http;
