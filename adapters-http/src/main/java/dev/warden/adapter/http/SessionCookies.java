package dev.warden.adapter.http;

import dev.warden.domain.DeviceToken;
import dev.warden.domain.KnownDevice;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code warden_session} cookie and the long-lived {@code warden_device} cookie that makes a
 * browser a known device: both HttpOnly, SameSite=Strict, Path=/, Secure unless turned off.
 */
final class SessionCookies {
    static final String DEVICE_COOKIE = "warden_device";

    private final boolean secure;

    SessionCookies(boolean secure) {
        this.secure = secure;
    }

    SetCookie issue(String token, Duration lifetime) {
        return base(token).maxAge(lifetime).build();
    }

    /** The device cookie, for as long as a browser keeps one (400 days, RFC 6265bis); renewed at each login. */
    SetCookie issueDevice(DeviceToken device) {
        return attributes(SetCookie.builder(DEVICE_COOKIE, device.reveal())).maxAge(KnownDevice.REMEMBERED_FOR).build();
    }

    /** The device token the browser presented; empty when none, or when it cannot be one (ignored, not an error). */
    static Optional<DeviceToken> presentedDevice(ServerRequest req) {
        var cookies = req.headers().cookies();
        if (!cookies.contains(DEVICE_COOKIE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeviceToken.parse(cookies.get(DEVICE_COOKIE)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Tells the browser to forget the cookie at once (Helidon omits a zero Max-Age, so a past Expires). */
    SetCookie clear() {
        return base("").expires(Instant.EPOCH).build();
    }

    private SetCookie.Builder base(String value) {
        return attributes(SetCookie.builder(Authenticator.SESSION_COOKIE, value));
    }

    private SetCookie.Builder attributes(SetCookie.Builder cookie) {
        return cookie
                .httpOnly(true)
                .sameSite(SetCookie.SameSite.STRICT)
                .path("/")
                .secure(secure);
    }
}
