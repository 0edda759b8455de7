package dev.warden.adapter.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import java.util.Objects;

/**
 * One REST route. Services list their routes as data so that the OpenAPI document can be checked
 * against exactly what is registered.
 *
 * @param path a Helidon path template, e.g. {@code /api/admin/sessions/{id}}: also OpenAPI's syntax
 */
record ApiRoute(Method method, String path, Handler handler) {
    ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
    }
}
