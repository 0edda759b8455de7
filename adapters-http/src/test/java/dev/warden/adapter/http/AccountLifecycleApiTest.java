package dev.warden.adapter.http;

import static dev.warden.adapter.http.TestServer.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.domain.OwnerProtected;
import dev.warden.domain.PasswordRejected;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The account-management routes: disable, enable, role, password reset. Who may act on whom is the
 * use cases' rule (tested there and end to end); here, that each answer becomes the contract's status.
 */
class AccountLifecycleApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);

    private static String[] admin() {
        return new String[] {"Authorization", "Bearer " + WARDEN.adminToken.reveal()};
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void whenDisabling_thenTheCountOfEndedSessions() {
        String userId = id();

        var reply = server.post("/api/admin/users/" + userId + "/disable", null, admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(2, reply.json().get("terminated").asInt());
        assertEquals(List.of("terminated"), fieldNames(reply.json()));
        assertEquals(List.of("disable " + userId + " by alice"), WARDEN.calls);
    }

    @Test
    void whenEnabling_thenNoContent() {
        String userId = id();

        var reply = server.post("/api/admin/users/" + userId + "/enable", null, admin());

        assertEquals(204, reply.status(), reply.body());
        assertEquals(List.of("enable " + userId + " by alice"), WARDEN.calls);
    }

    @Test
    void whenChangingTheRole_thenTheUserRow() {
        String userId = id();

        var reply = server.send("PUT", "/api/admin/users/" + userId + "/role", "{\"role\":\"ADMIN\"}", admin());

        assertEquals(200, reply.status(), reply.body());
        JsonNode row = reply.json();
        assertEquals(List.of("id", "username", "role", "status", "createdAt", "activeSessions", "distinctIps",
                "lockedUntil", "ipSpread", "actions", "assignableRoles"), fieldNames(row));
        assertEquals("ADMIN", row.get("role").asText());
        assertEquals(List.of("role " + userId + " ADMIN by alice"), WARDEN.calls);
    }

    @Test
    void whenResettingAPassword_thenTheCountOfEndedSessionsAndNoPasswordInTheAnswer() {
        String userId = id();

        var reply = server.post("/api/admin/users/" + userId + "/password", "{\"password\":\"a long new passphrase\"}",
                admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(4, reply.json().get("terminated").asInt());
        assertEquals("a long new passphrase", WARDEN.lastPassword);
        assertFalse(reply.body().contains("passphrase"));
        assertEquals(List.of("resetPassword " + userId + " by alice"), WARDEN.calls);
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /disable",
            "POST, /enable",
            "PUT, /role",
            "POST, /password"})
    void givenUnknownUser_thenUserNotFound_andMalformedId_thenInvalidRequest(String method, String action) {
        String body = AdminApiTest.bodyFor(action);
        WARDEN.failNextWith(new UserNotFound("No user has this id."));

        var unknown = server.send(method, "/api/admin/users/" + id() + action, body, admin());
        var malformed = server.send(method, "/api/admin/users/not-a-uuid" + action, body, admin());

        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("user-not-found", unknown.problem());
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("invalid-request", malformed.problem());
    }

    /** The use case's refusal, the route that meets it, and the status and problem it becomes. */
    static Stream<Arguments> refusals() {
        Stream<Arguments> theOwner = Stream.of("POST /disable", "PUT /role", "POST /password").map(route ->
                Arguments.of(new OwnerProtected("The owner account cannot be disabled."), route, 409, "owner-protected"));
        Stream<Arguments> anAdminActingOnAnAdmin = Stream.of("POST /disable", "POST /enable", "PUT /role", "POST /password")
                .map(route -> Arguments.of(new Forbidden("Only the owner manages ADMIN accounts."), route, 403, "forbidden"));
        return Stream.concat(theOwner, anAdminActingOnAnAdmin);
    }

    /** The owner is protected (409 owner-protected); an ADMIN acting on an ADMIN is forbidden (403). */
    @ParameterizedTest(name = "{3} on {1}")
    @MethodSource("refusals")
    void givenTheUseCaseRefuses_thenTheRefusalsStatusAndProblem(RuntimeException refusal, String route, int status,
                                                                 String problem) {
        String method = route.substring(0, route.indexOf(' '));
        String action = route.substring(route.indexOf(' ') + 1);
        WARDEN.failNextWith(refusal);

        var reply = server.send(method, "/api/admin/users/" + id() + action, AdminApiTest.bodyFor(action), admin());

        assertEquals(status, reply.status(), reply.body());
        assertEquals(problem, reply.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"role\":\"SUPERUSER\"}", "{\"role\":\"admin\"}", "{\"role\":4}",
            "{\"role\":\"USER\",\"extra\":1}", "not json", "{\"role\":null}"})
    void givenABadRoleBody_thenInvalidRequestAndNothingChanges(String body) {
        var reply = server.send("PUT", "/api/admin/users/" + id() + "/role", body, admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @Test
    void givenTheOwnerRole_whenTheUseCaseRefuses_thenInvalidRequest() {
        WARDEN.failNextWith(new InvalidRequest("role must be one of ADMIN, USER."));

        var reply = server.send("PUT", "/api/admin/users/" + id() + "/role", "{\"role\":\"OWNER\"}", admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"password\":12345678901234}", "{\"pass\":\"a long new passphrase\"}", ""})
    void givenABadPasswordBody_thenInvalidRequestAndNothingChanges(String body) {
        var reply = server.post("/api/admin/users/" + id() + "/password", body.isEmpty() ? null : body, admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @Test
    void givenAWeakPassword_thenPasswordPolicyNamingTheRuleWithoutThePassword() {
        WARDEN.failNextWith(new PasswordRejected(PasswordRejected.Rule.TOO_SHORT,
                "Password must be at least 12 characters long (it has 5)."));

        var reply = server.post("/api/admin/users/" + id() + "/password", "{\"password\":\"short\"}", admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("password-policy", reply.problem());
        assertTrue(reply.detail().contains("12 characters"), reply.detail());
        assertFalse(reply.body().contains("\"short\""));
    }

    @Test
    void givenAnAdminCreatingAnAdmin_thenForbidden() {
        WARDEN.failNextWith(new Forbidden("Only the owner manages ADMIN accounts."));

        var reply = server.post("/api/admin/users",
                "{\"username\":\"carol\",\"password\":\"a long enough password\",\"role\":\"ADMIN\"}", admin());

        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", reply.problem());
    }

    @Test
    void givenOtherMethods_thenMethodNotAllowedNamingTheRightOne() {
        var get = server.get("/api/admin/users/" + id() + "/disable", admin());
        var post = server.post("/api/admin/users/" + id() + "/role", "{\"role\":\"USER\"}", admin());

        assertEquals(405, get.status());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertEquals(405, post.status());
        assertEquals("PUT", post.headers().firstValue("Allow").orElse(""));
        assertNull(WARDEN.lastPassword);
    }
}
