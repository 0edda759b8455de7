package dev.warden.adapter.http;

import io.helidon.http.SetCookie;
import java.time.Duration;
import java.time.Instant;

/** The {@code warden_session} cookie: HttpOnly, SameSite=Strict, Path=/, Secure unless turned off. */
final class SessionCookies {
    private final boolean secure;

    SessionCookies(boolean secure) {
        this.secure = secure;
    }

    SetCookie issue(String token, Duration lifetime) {
        return base(token).maxAge(lifetime).build();
    }

    /** Tells the browser to forget the cookie at once (Helidon omits a zero Max-Age, so a past Expires). */
    SetCookie clear() {
        return base("").expires(Instant.EPOCH).build();
    }

    private SetCookie.Builder base(String value) {
        return SetCookie.builder(Authenticator.SESSION_COOKIE, value)
                .httpOnly(true)
                .sameSite(SetCookie.SameSite.STRICT)
                .path("/")
                .secure(secure);
    }
}
