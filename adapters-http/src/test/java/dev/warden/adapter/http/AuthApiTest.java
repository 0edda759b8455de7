package dev.warden.adapter.http;

import static dev.warden.adapter.http.TestServer.cookieAttributes;
import static dev.warden.adapter.http.TestServer.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.auth.ReauthenticationRequired;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.SessionLimitReached;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);
    @RegisterExtension
    static final ApiServer insecureCookieServer = ApiServer.over(WARDEN).withInsecureCookies();

    private static String login(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void givenRightPassword_whenLoggingIn_thenCreatedWithTokenCsrfSessionAndUser() {
        var reply = server.post("/api/auth/login", login("alice", FakeWarden.PASSWORD), "User-Agent", "  Firefox/140  ");

        assertEquals(201, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals(WARDEN.adminToken.reveal(), json.get("token").asText());
        assertEquals(WARDEN.adminToken.csrfToken(), json.get("csrfToken").asText());
        JsonNode session = json.get("session");
        assertEquals(WARDEN.adminSession.id().toString(), session.get("id").asText());
        assertEquals(WARDEN.admin.id().toString(), session.get("userId").asText());
        assertEquals("alice", session.get("username").asText());
        assertEquals("198.51.100.7", session.get("ipAddress").asText());
        assertEquals("Mozilla/5.0", session.get("userAgent").asText());
        assertEquals("2026-11-26T14:04:05Z", session.get("createdAt").asText());
        assertEquals("2026-11-26T14:59:05Z", session.get("lastActiveAt").asText());
        assertEquals("2026-11-27T14:04:05Z", session.get("expiresAt").asText());
        assertEquals("2026-11-26T15:59:05Z", session.get("idleExpiresAt").asText());
        JsonNode user = json.get("user");
        assertEquals(List.of("id", "username", "role", "status", "createdAt", "administrator", "creatableRoles"),
                fieldNames(user));
        assertEquals("ADMIN", user.get("role").asText());
        assertEquals("ACTIVE", user.get("status").asText());
        assertTrue(user.get("administrator").asBoolean());
        assertEquals(1, user.get("creatableRoles").size(), "an ADMIN creates USERs only");
        assertEquals("USER", user.get("creatableRoles").get(0).asText());
        assertEquals("Firefox/140", WARDEN.lastLoginClient.userAgent());
        assertEquals("127.0.0.1", WARDEN.lastLoginClient.ipAddress());
    }

    @Test
    void whenLoggingIn_thenSessionCookieIsHttpOnlyStrictRootPathSecureWithAbsoluteLifetime() {
        var reply = server.post("/api/auth/login", login("alice", FakeWarden.PASSWORD));

        String cookie = sessionCookie(reply);
        assertTrue(cookie.startsWith("__Host-warden_session=" + WARDEN.adminToken.reveal() + ";"), cookie);
        List<String> attributes = cookieAttributes(cookie);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=strict"), cookie);
        assertTrue(attributes.contains("path=/"), cookie);
        assertTrue(attributes.contains("max-age=86400"), cookie);
        assertTrue(attributes.contains("secure"), cookie);
    }

    @Test
    void givenSecureCookiesDisabled_whenLoggingIn_thenCookieHasNoSecureAttributeNorHostPrefix() {
        var reply = insecureCookieServer.post("/api/auth/login", login("alice", FakeWarden.PASSWORD));

        String cookie = sessionCookie(reply);
        assertTrue(cookie.startsWith("warden_session="), "__Host- needs Secure; plain HTTP uses the bare name: " + cookie);
        assertFalse(cookieAttributes(cookie).contains("secure"), cookie);
        assertTrue(cookieAttributes(cookie).contains("httponly"), cookie);
    }

    @Test
    void givenWrongPassword_whenLoggingIn_thenInvalidCredentialsWithoutCookieOrHint() {
        var wrongPassword = server.post("/api/auth/login", login("alice", "nope"));
        var unknownUser = server.post("/api/auth/login", login("mallory", "nope"));

        assertEquals(401, wrongPassword.status());
        assertEquals("invalid-credentials", wrongPassword.problem());
        assertTrue(wrongPassword.headers().firstValue("Set-Cookie").isEmpty());
        // Unknown user and wrong password must read exactly alike.
        assertEquals(wrongPassword.body(), unknownUser.body());
    }

    @Test
    void givenSessionLimitReached_whenLoggingIn_thenConflict() {
        WARDEN.failNextWith(new SessionLimitReached(10));

        var reply = server.post("/api/auth/login", login("alice", FakeWarden.PASSWORD));

        assertEquals(409, reply.status());
        assertEquals("session-limit-reached", reply.problem());
        assertTrue(reply.detail().contains("10"), reply.detail());
    }

    @Test
    void givenMissingPassword_whenLoggingIn_thenInvalidRequestNamingTheField() {
        var reply = server.post("/api/auth/login", "{\"username\":\"alice\"}");

        assertEquals(400, reply.status());
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains("password"), reply.detail());
    }

    @Test
    void givenSessionCookie_whenGettingSession_thenSessionAndUser() {
        var reply = server.get("/api/auth/session", "Cookie", "__Host-warden_session=" + WARDEN.userToken.reveal());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(WARDEN.userSession.id().toString(), reply.json().get("session").get("id").asText());
        assertEquals("bob", reply.json().get("user").get("username").asText());
        assertEquals("USER", reply.json().get("user").get("role").asText());
        assertFalse(reply.json().has("token"));
        assertFalse(reply.body().contains(WARDEN.userToken.reveal()));
        // A console tab with the cookie but not the login response gets its CSRF token back.
        assertEquals(WARDEN.userToken.csrfToken(), reply.json().get("csrfToken").asText());
    }

    @Test
    void givenBearerToken_whenGettingSession_thenSessionAndUser() {
        var reply = server.get("/api/auth/session", "Authorization", "Bearer " + WARDEN.adminToken.reveal());

        assertEquals(200, reply.status(), reply.body());
        assertEquals("alice", reply.json().get("user").get("username").asText());
        assertFalse(reply.json().has("csrfToken"), "bearer clients need no CSRF token");
    }

    @Test
    void givenNoOrUnknownOrMalformedCredentials_whenGettingSession_thenUnauthenticated() {
        var none = server.get("/api/auth/session");
        var unknown = server.get("/api/auth/session", "Cookie", "__Host-warden_session=" + "x".repeat(43));
        var basic = server.get("/api/auth/session", "Authorization", "Basic YWxpY2U6cHc=");
        var emptyBearer = server.get("/api/auth/session", "Authorization", "Bearer ");

        for (var reply : List.of(none, unknown, basic, emptyBearer)) {
            assertEquals(401, reply.status(), reply.body());
            assertEquals("unauthenticated", reply.problem());
        }
    }

    @Test
    void givenCookieAndCsrfHeader_whenLoggingOut_thenNoContentClearedCookieAndSessionGone() {
        String cookie = "__Host-warden_session=" + WARDEN.adminToken.reveal();

        var reply = server.post("/api/auth/logout", null, "Cookie", cookie, "X-Warden-CSRF", WARDEN.adminToken.csrfToken());

        assertEquals(204, reply.status(), reply.body());
        String cleared = sessionCookie(reply);
        assertTrue(cleared.startsWith("__Host-warden_session=;"), cleared);
        assertTrue(cookieAttributes(cleared).contains("expires=thu, 1 jan 1970 00:00:00 gmt"), cleared);
        assertTrue(cookieAttributes(cleared).contains("path=/"), cleared);
        assertEquals(List.of("logout alice"), WARDEN.calls);
        assertEquals(401, server.get("/api/auth/session", "Cookie", cookie).status());
    }

    @Test
    void givenCookieWithoutCsrfHeader_whenLoggingOut_thenCsrfTokenInvalidAndStillLoggedIn() {
        String cookie = "__Host-warden_session=" + WARDEN.adminToken.reveal();

        var missing = server.post("/api/auth/logout", null, "Cookie", cookie);
        var wrong = server.post("/api/auth/logout", null, "Cookie", cookie, "X-Warden-CSRF", WARDEN.userToken.csrfToken());

        assertEquals(403, missing.status());
        assertEquals("csrf-token-invalid", missing.problem());
        assertEquals(403, wrong.status());
        assertEquals("csrf-token-invalid", wrong.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
        assertEquals(200, server.get("/api/auth/session", "Cookie", cookie).status());
    }

    @Test
    void givenBearerToken_whenLoggingOutWithoutCsrfHeader_thenNoContent() {
        var reply = server.post("/api/auth/logout", null, "Authorization", "Bearer " + WARDEN.userToken.reveal());

        assertEquals(204, reply.status(), reply.body());
        assertEquals(List.of("logout bob"), WARDEN.calls);
    }

    @Test
    void givenNoSession_whenLoggingOut_thenUnauthenticated() {
        var reply = server.post("/api/auth/logout", null);

        assertEquals(401, reply.status());
        assertEquals("unauthenticated", reply.problem());
    }

    static String sessionCookie(TestServer.Reply reply) {
        return reply.setCookie("warden_session");
    }

    @Test
    void reauthenticatingPassesThePasswordAndTheBrowsersDeviceToTheUseCase() {
        DeviceToken device = DeviceToken.generate(new java.security.SecureRandom());

        var reply = server.post("/api/auth/reauthenticate", "{\"password\":\"" + FakeWarden.PASSWORD + "\"}",
                "Authorization", "Bearer " + WARDEN.adminToken.reveal(), "Cookie", "__Host-warden_device=" + device.reveal());

        assertEquals(204, reply.status(), reply.body());
        assertTrue(WARDEN.calls.contains("reauthenticate alice"), WARDEN.calls.toString());
        assertEquals(FakeWarden.PASSWORD, WARDEN.lastPassword);
        assertEquals(device, WARDEN.lastLoginDevice);
    }

    @Test
    void reauthenticatingNeedsASessionAndAPassword() {
        assertEquals(401, server.post("/api/auth/reauthenticate", "{\"password\":\"x\"}").status());
        var noPassword = server.post("/api/auth/reauthenticate", "{}",
                "Authorization", "Bearer " + WARDEN.adminToken.reveal());
        assertEquals(400, noPassword.status());
        assertEquals("invalid-request", noPassword.problem());
    }

    @Test
    void aSensitiveActionOfAStaleSession_is403ReauthenticationRequired() {
        WARDEN.failNextWith(new ReauthenticationRequired("This action needs your password again."));

        var reply = server.post("/api/admin/users", "{\"username\":\"carol\",\"password\":\"a fine long passphrase\",\"role\":\"ADMIN\"}",
                "Authorization", "Bearer " + WARDEN.adminToken.reveal());

        assertEquals(403, reply.status(), reply.body());
        assertEquals("reauthentication-required", reply.problem());
    }
}
