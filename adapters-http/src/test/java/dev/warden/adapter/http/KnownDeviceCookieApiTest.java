package dev.warden.adapter.http;

import static dev.warden.adapter.http.TestServer.cookieAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.domain.DeviceToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code warden_device} cookie that makes a browser a known device, and the 429 of the login throttle. */
class KnownDeviceCookieApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String LOGIN = "{\"username\":\"alice\",\"password\":\"" + FakeWarden.PASSWORD + "\"}";
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);
    @RegisterExtension
    static final ApiServer insecureCookieServer = ApiServer.over(WARDEN).withInsecureCookies();

    private static String deviceCookie(TestServer.Reply reply) {
        return reply.setCookie("warden_device");
    }

    @Test
    void aLoginSetsTheDeviceCookieBesideTheSessionCookie_httpOnlyStrictSecureFor400Days() {
        var reply = server.post("/api/auth/login", LOGIN);

        assertEquals(201, reply.status(), reply.body());
        String cookie = deviceCookie(reply);
        assertTrue(cookie.startsWith("__Host-warden_device=" + WARDEN.newDevice.reveal() + ";"), cookie);
        List<String> attributes = cookieAttributes(cookie);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=strict"), cookie);
        assertTrue(attributes.contains("path=/"), cookie);
        assertTrue(attributes.contains("secure"), cookie);
        assertTrue(attributes.contains("max-age=" + Duration.ofDays(400).toSeconds()), cookie);
        AuthApiTest.sessionCookie(reply); // still there too
        assertFalse(reply.body().contains(WARDEN.newDevice.reveal()), "the device token is in no response body");
        assertNull(WARDEN.lastLoginDevice, "no cookie was presented");
    }

    @Test
    void aPresentedDeviceCookieReachesTheLoginAndIsRenewed() {
        DeviceToken known = DeviceToken.generate(new SecureRandom());

        var reply = server.post("/api/auth/login", LOGIN, "Cookie", "__Host-warden_device=" + known.reveal());

        assertEquals(201, reply.status(), reply.body());
        assertEquals(known, WARDEN.lastLoginDevice);
        assertTrue(deviceCookie(reply).startsWith("__Host-warden_device=" + known.reveal() + ";"));
    }

    @Test
    void withSecureCookies_aBareNameDeviceCookieIsNotRead_onlyTheHostPrefixedOne() {
        DeviceToken planted = DeviceToken.generate(new SecureRandom());

        var reply = server.post("/api/auth/login", LOGIN, "Cookie", "warden_device=" + planted.reveal());

        assertEquals(201, reply.status(), reply.body());
        assertNull(WARDEN.lastLoginDevice, "a sibling subdomain can set warden_device, never __Host-warden_device");
    }

    @Test
    void aMalformedDeviceCookieIsIgnoredNotAnError() {
        var reply = server.post("/api/auth/login", LOGIN, "Cookie", "__Host-warden_device=not-a-device-token");

        assertEquals(201, reply.status(), reply.body());
        assertNull(WARDEN.lastLoginDevice);
        assertTrue(deviceCookie(reply).startsWith("__Host-warden_device=" + WARDEN.newDevice.reveal() + ";"));
    }

    @Test
    void givenSecureCookiesDisabled_thenTheDeviceCookieHasNoSecureAttribute() {
        var reply = insecureCookieServer.post("/api/auth/login", LOGIN);

        assertFalse(cookieAttributes(deviceCookie(reply)).contains("secure"));
        assertTrue(deviceCookie(reply).startsWith("warden_device="));
    }

    @Test
    void aRefusedLoginSetsNoCookie() {
        var reply = server.post("/api/auth/login", "{\"username\":\"alice\",\"password\":\"nope\"}");

        assertEquals(401, reply.status());
        assertTrue(reply.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void loggingOutKeepsTheDeviceKnown() {
        var reply = server.post("/api/auth/logout", null, "Authorization", "Bearer " + WARDEN.userToken.reveal());

        assertEquals(204, reply.status());
        assertTrue(reply.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("warden_device=")));
    }

    @Test
    void aThrottledLoginIs429TooManyRequestsWithRetryAfterInSeconds() {
        WARDEN.failNextWith(new TooManyLoginAttempts("Too many failed logins from this address; try again in 42 seconds.", 42));

        var reply = server.post("/api/auth/login", LOGIN);

        assertEquals(429, reply.status(), reply.body());
        assertEquals("too-many-requests", reply.problem());
        assertEquals("42", reply.headers().firstValue("Retry-After").orElse(null));
        assertTrue(reply.detail().contains("42 seconds"), reply.detail());
        assertTrue(reply.headers().allValues("Set-Cookie").isEmpty());
    }
}
