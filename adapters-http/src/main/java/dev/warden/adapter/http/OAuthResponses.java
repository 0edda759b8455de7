package dev.warden.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The headers the OAuth and Shared Signals answers share. */
final class OAuthResponses {
    /** How long a receiver may cache the metadata and the JWKS: short, so a key rotation shows within minutes. */
    static final String PUBLIC_CACHE = "public, max-age=300";

    private OAuthResponses() {
    }

    /** RFC 6749 section 5.1: token responses and their errors are never cached. */
    static void noStore(ServerResponse res) {
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set(HeaderNames.PRAGMA, "no-cache");
    }

    /** Public documents (metadata, JWKS): the same for every caller, cacheable for a few minutes. */
    static void publicJson(ServerResponse res, Object body) {
        res.status(Status.OK_200);
        res.headers().set(HeaderNames.CACHE_CONTROL, PUBLIC_CACHE);
        res.headers().set(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(body));
    }
}
