package dev.warden.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Successful API responses. API answers are personal and change often, so nothing is cached. */
final class Responses {
    private Responses() {
    }

    static void json(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(body));
    }

    /** Sends {@code body}; to a HEAD request only its length, as HTTP wants (Helidon would send the bytes too). */
    static void sendUnlessHead(ServerRequest req, ServerResponse res, byte[] body) {
        if (req.prologue().method() == Method.HEAD) {
            res.headers().contentLength(body.length);
            res.send();
        } else {
            res.send(body);
        }
    }

    static void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204);
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        res.send();
    }
}
