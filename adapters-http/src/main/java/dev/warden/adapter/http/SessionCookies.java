package dev.warden.adapter.http;

import dev.warden.domain.DeviceToken;
import dev.warden.domain.KnownDevice;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie and the long-lived device cookie that makes a browser a known device: both
 * HttpOnly, SameSite=Strict, Path=/, Secure unless turned off. Secure cookies carry the
 * {@code __Host-} prefix ({@code __Host-warden_session}, {@code __Host-warden_device}): a browser
 * then accepts them only from this exact host over HTTPS, with no Domain, so a sibling subdomain
 * cannot plant or shadow them. Plain-HTTP development uses the bare names, which the prefix forbids.
 */
final class SessionCookies {
    static final String SESSION = "warden_session";
    static final String DEVICE = "warden_device";
    static final String HOST_PREFIX = "__Host-";

    private final boolean secure;
    private final String sessionName;
    private final String deviceName;

    SessionCookies(boolean secure) {
        this.secure = secure;
        this.sessionName = secure ? HOST_PREFIX + SESSION : SESSION;
        this.deviceName = secure ? HOST_PREFIX + DEVICE : DEVICE;
    }

    SetCookie issue(String token, Duration lifetime) {
        return session(token).maxAge(lifetime).build();
    }

    /** The device cookie, for as long as a browser keeps one (400 days, RFC 6265bis); renewed at each login. */
    SetCookie issueDevice(DeviceToken device) {
        return attributes(SetCookie.builder(deviceName, device.reveal())).maxAge(KnownDevice.REMEMBERED_FOR).build();
    }

    /** The session token the browser presented in the cookie; empty when none or blank. */
    Optional<String> presentedSession(ServerRequest req) {
        var cookies = req.headers().cookies();
        if (!cookies.contains(sessionName)) {
            return Optional.empty();
        }
        return Optional.of(cookies.get(sessionName)).filter(value -> !value.isBlank());
    }

    /**
     * The device token the browser presented; empty when none, or when it cannot be one (ignored, not
     * an error). Whether it was issued to the user logging in is the login's call: one that was not
     * is replaced.
     */
    Optional<DeviceToken> presentedDevice(ServerRequest req) {
        var cookies = req.headers().cookies();
        if (!cookies.contains(deviceName)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeviceToken.parse(cookies.get(deviceName)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Tells the browser to forget the session cookie at once (Helidon omits a zero Max-Age, so a past Expires). */
    SetCookie clear() {
        return session("").expires(Instant.EPOCH).build();
    }

    private SetCookie.Builder session(String value) {
        return attributes(SetCookie.builder(sessionName, value));
    }

    private SetCookie.Builder attributes(SetCookie.Builder cookie) {
        return cookie
                .httpOnly(true)
                .sameSite(SetCookie.SameSite.STRICT)
                .path("/")
                .secure(secure);
    }
}
