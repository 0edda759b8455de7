package dev.warden.adapter.http;

import java.net.URI;

/**
 * Where the Shared Signals and OAuth routes are, as absolute URLs under WARDEN_PUBLIC_URL; and the
 * switch that answers them all 404 while it is unset (a transmitter that cannot name its own
 * issuer must not hand out tokens or keys).
 */
final class SsfEndpoints {
    static final String TOKEN = "/oauth2/token";
    static final String JWKS = "/ssf/jwks";
    static final String AUTHORIZATION_SERVER_METADATA = "/.well-known/oauth-authorization-server";
    static final String SSF_CONFIGURATION = "/.well-known/ssf-configuration";

    /** WARDEN_PUBLIC_URL without a trailing slash; null when unset. */
    private final String base;

    SsfEndpoints(URI publicUrl) {
        String text = publicUrl == null ? null : publicUrl.toString();
        this.base = text != null && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** @throws HttpProblem not-found while WARDEN_PUBLIC_URL is unset */
    void requireEnabled() {
        if (base == null) {
            throw new HttpProblem(ProblemType.NOT_FOUND,
                    "No resource at this path: Shared Signals is off (WARDEN_PUBLIC_URL is not set).");
        }
    }

    boolean enabled() {
        return base != null;
    }

    /** The issuer: WARDEN_PUBLIC_URL as configured, without a trailing slash. */
    String issuer() {
        requireEnabled();
        return base;
    }

    /** The absolute URL of a path under the issuer. */
    String url(String path) {
        return issuer() + path;
    }
}
