package dev.warden.adapter.http;

import static dev.warden.adapter.http.TestServer.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.sessions.SessionNotFound;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.PasswordRejected;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/auth/sessions} and {@code /api/auth/password}: every role, own account only. */
class SelfServiceApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String CHANGE = "{\"currentPassword\":\"correct horse battery staple\","
            + "\"newPassword\":\"a brand new passphrase\"}";
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);

    /** The USER role: self-service is not an admin feature. */
    private static String[] user() {
        return new String[] {"Authorization", "Bearer " + WARDEN.userToken.reveal()};
    }

    private static String[] userCookie() {
        return new String[] {"Cookie", "__Host-warden_session=" + WARDEN.userToken.reveal(),
                "X-Warden-CSRF", WARDEN.userToken.csrfToken()};
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/auth/sessions",
            "DELETE, /api/auth/sessions?scope=others",
            "DELETE, /api/auth/sessions/0b7c4f6e-2f1a-4c1e-9a59-2f0c1c3e9d10",
            "POST, /api/auth/password",
            "GET, /api/auth/password-policy"})
    void givenNoValidSession_thenUnauthenticatedAndNothingHappens(String method, String path) {
        String body = path.endsWith("password") ? CHANGE : null;

        var anonymous = server.send(method, path, body);
        var garbage = server.send(method, path, body, "Authorization", "Bearer not-a-token");

        for (var reply : List.of(anonymous, garbage)) {
            assertEquals(401, reply.status(), reply.body());
            assertEquals("unauthenticated", reply.problem());
        }
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "DELETE, /api/auth/sessions?scope=others",
            "DELETE, /api/auth/sessions/0b7c4f6e-2f1a-4c1e-9a59-2f0c1c3e9d10",
            "POST, /api/auth/password"})
    void givenACookieWithoutCsrf_whenChangingState_thenCsrfTokenInvalidAndNothingHappens(String method, String path) {
        String body = path.endsWith("password") ? CHANGE : null;

        var reply = server.send(method, path, body, "Cookie", "__Host-warden_session=" + WARDEN.userToken.reveal());

        assertEquals(403, reply.status(), reply.body());
        assertEquals("csrf-token-invalid", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @Test
    void aUserListsTheirOwnSessionsWithTheCurrentOneMarked() {
        var reply = server.get("/api/auth/sessions", user());

        assertEquals(200, reply.status(), reply.body());
        JsonNode items = reply.json().get("items");
        assertEquals(List.of("items"), fieldNames(reply.json()));
        assertEquals(2, items.size());
        assertEquals(List.of("id", "userId", "username", "ipAddress", "userAgent", "client", "createdAt",
                "lastActiveAt", "expiresAt", "idleExpiresAt", "current"), fieldNames(items.get(0)));
        assertEquals("desktop", items.get(1).get("client").get("deviceType").asText());
        assertEquals(WARDEN.userSession.id().toString(), items.get(0).get("id").asText());
        assertTrue(items.get(0).get("current").asBoolean());
        assertEquals(WARDEN.userPhone.id().toString(), items.get(1).get("id").asText());
        assertFalse(items.get(1).get("current").asBoolean());
        assertEquals(List.of("listOwn bob"), WARDEN.calls);
        assertFalse(reply.body().contains(WARDEN.userToken.reveal()));
    }

    @Test
    void endingAnotherOwnSessionKeepsTheCookie() {
        String phone = WARDEN.userPhone.id().toString();

        var reply = server.delete("/api/auth/sessions/" + phone, userCookie());

        assertEquals(204, reply.status(), reply.body());
        assertTrue(reply.headers().allValues("Set-Cookie").isEmpty(), reply.headers().map().toString());
        assertEquals(List.of("endOwn " + phone + " by bob"), WARDEN.calls);
        assertEquals(200, server.get("/api/auth/session", user()).status());
    }

    @Test
    void endingTheCurrentSessionIsALogoutThatClearsTheCookie() {
        String current = WARDEN.userSession.id().toString();

        var reply = server.delete("/api/auth/sessions/" + current, userCookie());

        assertEquals(204, reply.status(), reply.body());
        String cleared = AuthApiTest.sessionCookie(reply);
        assertTrue(cleared.startsWith("__Host-warden_session=;"), cleared);
        assertEquals(401, server.get("/api/auth/session", user()).status());
    }

    @Test
    void someoneElsesOrAnUnknownSessionIsNotFound_andAMalformedIdIsInvalid() {
        WARDEN.failNextWith(new SessionNotFound("You have no active session with this id."));

        var notMine = server.delete("/api/auth/sessions/" + WARDEN.adminSession.id(), user());
        var malformed = server.delete("/api/auth/sessions/12345", user());

        assertEquals(404, notMine.status(), notMine.body());
        assertEquals("session-not-found", notMine.problem());
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("invalid-request", malformed.problem());
    }

    @Test
    void loggingOutOtherDevicesAnswersHowManyEnded() {
        var reply = server.delete("/api/auth/sessions?scope=others", user());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, reply.json().get("terminated").asInt());
        assertEquals(List.of("endOthers of bob"), WARDEN.calls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?scope=", "?scope=all", "?scope=OTHERS", "?userId=0b7c4f6e-2f1a-4c1e-9a59-2f0c1c3e9d10",
            "?scope=others&scope=others"})
    void withoutScopeOthers_aBulkEndIsInvalidAndNothingEnds(String query) {
        var reply = server.delete("/api/auth/sessions" + query, user());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @Test
    void changingTheOwnPasswordAnswersNoContentAndKeepsTheSession() {
        var reply = server.post("/api/auth/password", CHANGE, userCookie());

        assertEquals(204, reply.status(), reply.body());
        assertTrue(reply.headers().allValues("Set-Cookie").isEmpty());
        assertEquals("a brand new passphrase", WARDEN.lastPassword);
        assertEquals(List.of("changePassword of bob"), WARDEN.calls);
    }

    @Test
    void anyRoleReadsThePasswordLengthRulesOfThePolicy() {
        var reply = server.get("/api/auth/password-policy", userCookie());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(PasswordPolicy.MIN_CODE_POINTS, reply.json().get("minLength").asInt());
        assertEquals(PasswordPolicy.MAX_CODE_POINTS, reply.json().get("maxLength").asInt());
        assertEquals(List.of("minLength", "maxLength"), fieldNames(reply.json()));
    }

    @Test
    void aWrongCurrentPasswordIsInvalidCredentials() {
        WARDEN.failNextWith(new InvalidCredentials());

        var reply = server.post("/api/auth/password", CHANGE, user());

        assertEquals(401, reply.status(), reply.body());
        assertEquals("invalid-credentials", reply.problem());
    }

    @Test
    void aWeakNewPasswordIsPasswordPolicy() {
        WARDEN.failNextWith(new PasswordRejected(PasswordRejected.Rule.BLOCKLISTED,
                "Password is too common or known to be compromised; choose another."));

        var reply = server.post("/api/auth/password", CHANGE, user());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("password-policy", reply.problem());
        assertFalse(reply.body().contains("a brand new passphrase"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"currentPassword\":\"x\"}", "{\"newPassword\":\"a brand new passphrase\"}",
            "{\"currentPassword\":1,\"newPassword\":\"a brand new passphrase\"}",
            "{\"currentPassword\":\"x\",\"newPassword\":\"a brand new passphrase\",\"password\":\"y\"}", "[]"})
    void aMalformedPasswordChangeIsInvalidAndNothingChanges(String body) {
        var reply = server.post("/api/auth/password", body, user());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @Test
    void otherMethodsAreNotAllowed() {
        var put = server.send("PUT", "/api/auth/password", CHANGE, user());
        var post = server.post("/api/auth/sessions", "{}", user());

        assertEquals(405, put.status());
        assertEquals("POST", put.headers().firstValue("Allow").orElse(""));
        assertEquals(405, post.status());
        assertEquals("GET, DELETE", post.headers().firstValue("Allow").orElse(""));
    }

}
