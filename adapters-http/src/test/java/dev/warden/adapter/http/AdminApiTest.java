package dev.warden.adapter.http;

import static dev.warden.adapter.http.TestServer.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UsernameTaken;
import dev.warden.application.port.in.alarms.AlarmNotFound;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.in.SortOrder;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.SessionSort;
import dev.warden.application.port.in.sessions.SessionNotFound;
import dev.warden.domain.Alarm;
import dev.warden.domain.AuditType;
import dev.warden.domain.OwnerProtected;
import dev.warden.domain.PasswordRejected;
import dev.warden.domain.WardenPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String NEW_USER = "{\"username\":\"carol\",\"password\":\"a long enough password\",\"role\":\"USER\"}";
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);

    private static String[] admin() {
        return new String[] {"Authorization", "Bearer " + WARDEN.adminToken.reveal()};
    }

    /** A valid body for the routes that take one. */
    static String bodyFor(String path) {
        if (path.equals("/api/admin/users")) {
            return NEW_USER;
        }
        if (path.endsWith("/role")) {
            return "{\"role\":\"ADMIN\"}";
        }
        if (path.endsWith("/password")) {
            return "{\"password\":\"a long enough password\"}";
        }
        return null;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    // ---- authentication and role, for every admin route ----

    /** Every admin route (method and path, with an example id). */
    static Stream<Arguments> adminRoutes() {
        String id = "0b7c4f6e-2f1a-4c1e-9a59-2f0c1c3e9d10";
        return Stream.of(
                Arguments.of("GET", "/api/admin/sessions"),
                Arguments.of("DELETE", "/api/admin/sessions?userId=" + id),
                Arguments.of("DELETE", "/api/admin/sessions/" + id),
                Arguments.of("GET", "/api/admin/users"),
                Arguments.of("POST", "/api/admin/users"),
                Arguments.of("POST", "/api/admin/users/" + id + "/unlock"),
                Arguments.of("POST", "/api/admin/users/" + id + "/disable"),
                Arguments.of("POST", "/api/admin/users/" + id + "/enable"),
                Arguments.of("PUT", "/api/admin/users/" + id + "/role"),
                Arguments.of("POST", "/api/admin/users/" + id + "/password"),
                Arguments.of("GET", "/api/admin/audit"),
                Arguments.of("GET", "/api/admin/audit/types"),
                Arguments.of("GET", "/api/admin/alarms"),
                Arguments.of("POST", "/api/admin/alarms/" + id + "/acknowledge"));
    }

    /** The admin routes that change something: every one but the GETs. */
    static Stream<Arguments> stateChangingAdminRoutes() {
        return adminRoutes().filter(route -> !route.get()[0].equals("GET"));
    }

    @ParameterizedTest
    @MethodSource("adminRoutes")
    void givenNoSessionOrUserRole_whenCallingAdminRoute_then401Or403AndNothingHappens(String method, String path) {
        String body = bodyFor(path);

        var anonymous = server.send(method, path, body);
        var userRole = server.send(method, path, body, "Authorization", "Bearer " + WARDEN.userToken.reveal());
        var userRoleCookie = server.send(method, path, body, "Cookie", "__Host-warden_session=" + WARDEN.userToken.reveal(),
                "X-Warden-CSRF", WARDEN.userToken.csrfToken());

        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("unauthenticated", anonymous.problem());
        assertEquals(403, userRole.status(), userRole.body());
        assertEquals("forbidden", userRole.problem());
        assertEquals(403, userRoleCookie.status(), userRoleCookie.body());
        assertEquals("forbidden", userRoleCookie.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @ParameterizedTest
    @MethodSource("stateChangingAdminRoutes")
    void givenAdminCookieWithoutCsrf_whenChangingState_thenCsrfTokenInvalidAndNothingHappens(String method, String path) {
        String body = bodyFor(path);
        String cookie = "__Host-warden_session=" + WARDEN.adminToken.reveal();

        var missing = server.send(method, path, body, "Cookie", cookie);
        var wrong = server.send(method, path, body, "Cookie", cookie, "X-Warden-CSRF", "not-the-token");
        var right = server.send(method, path, body, "Cookie", cookie, "X-Warden-CSRF", WARDEN.adminToken.csrfToken());

        assertEquals(403, missing.status(), missing.body());
        assertEquals("csrf-token-invalid", missing.problem());
        assertEquals(403, wrong.status(), wrong.body());
        assertEquals("csrf-token-invalid", wrong.problem());
        assertTrue(right.status() < 300, right.toString());
        assertEquals(1, WARDEN.calls.size(), WARDEN.calls.toString());
    }

    @Test
    void givenAdminCookie_whenReading_thenNoCsrfHeaderNeeded() {
        var reply = server.get("/api/admin/sessions", "Cookie", "__Host-warden_session=" + WARDEN.adminToken.reveal());

        assertEquals(200, reply.status(), reply.body());
    }

    // ---- sessions ----

    @Test
    void whenListingSessions_thenPageOfSessionsWithFiltersPassedOn() {
        String userId = WARDEN.user.id().toString();

        var reply = server.get("/api/admin/sessions?limit=20&offset=40&userId=" + userId + "&ip=10.0.0.1&q=bo", admin());

        assertEquals(200, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals(2, json.get("total").asInt());
        assertFalse(json.get("totalIsLowerBound").asBoolean());
        assertEquals(20, json.get("limit").asInt());
        assertEquals(40, json.get("offset").asInt());
        assertTrue(json.get("nextCursor").isTextual());
        JsonNode first = json.get("items").get(0);
        assertEquals(List.of("id", "userId", "username", "ipAddress", "userAgent", "client", "createdAt",
                "lastActiveAt", "expiresAt", "idleExpiresAt"), fieldNames(first));
        // The parser's reading of the user agent, every part present (FakeWarden reads every one as Firefox).
        assertEquals("{\"browser\":\"Firefox\",\"browserVersion\":\"140.0\",\"os\":\"Linux\",\"osVersion\":\"\","
                + "\"deviceType\":\"desktop\"}", first.get("client").toString());
        ActiveSessionQuery query = (ActiveSessionQuery) WARDEN.lastQuery;
        assertEquals(userId, query.userId().toString());
        assertEquals("10.0.0.1", query.ipAddress());
        assertEquals("bo", query.q());
        assertNull(query.cursor());
    }

    @Test
    void givenMoreSessionsThanAreCounted_whenListing_thenTheTotalSaysItIsALowerBound() {
        JsonNode json = server.get("/api/admin/sessions", admin()).json();

        assertEquals(10_000, json.get("total").asInt());
        assertTrue(json.get("totalIsLowerBound").asBoolean());
        assertEquals(List.of("items", "total", "limit", "offset", "nextCursor", "totalIsLowerBound"), fieldNames(json));
    }

    @Test
    void givenNextCursor_whenListingSessions_thenCursorIsDecodedAndPassedOn() {
        String cursor = server.get("/api/admin/sessions", admin()).json().get("nextCursor").asText();

        var reply = server.get("/api/admin/sessions?cursor=" + cursor, admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(WARDEN.userSession.id(), ((ActiveSessionQuery) WARDEN.lastQuery).cursor().id());
    }

    @Test
    void givenASortAndOrder_whenListingSessions_thenTheyArePassedOn_andACursorOfAnotherSortIsRefused() {
        var sorted = server.get("/api/admin/sessions?sort=ipAddress&order=asc", admin());
        ActiveSessionQuery query = (ActiveSessionQuery) WARDEN.lastQuery;

        assertEquals(200, sorted.status(), sorted.body());
        assertEquals(SessionSort.IP_ADDRESS, query.sort());
        assertEquals(SortOrder.ASC, query.order());
        String defaultCursor = server.get("/api/admin/sessions", admin()).json().get("nextCursor").asText();
        assertEquals(SessionSort.LAST_ACTIVE_AT, ((ActiveSessionQuery) WARDEN.lastQuery).sort());
        assertEquals(SortOrder.DESC, ((ActiveSessionQuery) WARDEN.lastQuery).order());
        var withCursor = server.get("/api/admin/sessions?sort=ipAddress&order=asc&cursor=" + defaultCursor, admin());
        assertEquals(400, withCursor.status());
        assertTrue(withCursor.body().contains("cursor belongs to sort=lastActiveAt&order=desc"), withCursor.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sort=name|sort must be one of lastActiveAt, createdAt, expiresAt, username, ipAddress.",
            "sort=lastactiveat|sort must be one of lastActiveAt,",
            "sort=createdAt%00|Query parameter 'sort' must not contain control characters.",
            "order=ascending|order must be asc or desc.",
            "order=ASC|order must be asc or desc."})
    void givenAnUnknownSortOrOrder_whenListingSessions_thenProblemNamingTheChoices(String parameter, String detail) {
        var reply = server.get("/api/admin/sessions?" + parameter, admin());

        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertTrue(reply.body().contains(detail), reply.body());
    }

    @Test
    void givenNoPaging_whenListingSessions_thenDefaultsFiftyAndZero() {
        var reply = server.get("/api/admin/sessions", admin());

        assertEquals(50, reply.json().get("limit").asInt());
        assertEquals(0, reply.json().get("offset").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=-1", "limit=ten", "limit=1.5", "limit=99999999999",
            "offset=-1", "offset=abc", "userId=not-a-uuid", "userId=1-2-3-4-5", "cursor=garbage",
            "cursor=AAAA&offset=3", "limit=10&limit=20", "q=" + "x65"})
    void givenBadQuery_whenListingSessions_thenInvalidRequest(String query) {
        String expanded = query.equals("q=x65") ? "q=" + "x".repeat(65) : query;

        var reply = server.get("/api/admin/sessions?" + expanded, admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
    }

    @Test
    void whenTerminatingSession_thenNoContentAndUseCaseCalledWithId() {
        String sessionId = id();

        var reply = server.delete("/api/admin/sessions/" + sessionId, admin());

        assertEquals(204, reply.status(), reply.body());
        assertEquals(List.of("terminate " + sessionId + " by alice"), WARDEN.calls);
    }

    @Test
    void givenMalformedId_whenTerminatingSession_thenInvalidRequest() {
        var reply = server.delete("/api/admin/sessions/12345", admin());

        assertEquals(400, reply.status());
        assertEquals("invalid-request", reply.problem());
        assertTrue(WARDEN.calls.isEmpty());
    }

    @Test
    void whenTerminatingAllSessionsOfUser_thenCountOfTerminated() {
        String userId = WARDEN.user.id().toString();

        var reply = server.delete("/api/admin/sessions?userId=" + userId, admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(3, reply.json().get("terminated").asInt());
        assertEquals(List.of("terminateAll " + userId + " by alice"), WARDEN.calls);
    }

    @Test
    void whenTerminatingSessionsFromANetwork_thenCountOfTerminated() {
        var reply = server.delete("/api/admin/sessions?ip=10.1.2.3/16", admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(4, reply.json().get("terminated").asInt());
        assertEquals(List.of("terminateFromAddress 10.1.0.0/16 by alice"), WARDEN.calls);
    }

    @Test
    void whenTerminatingOneUsersSessionsFromAnAddress_thenBothFiltersReachTheUseCase() {
        String userId = WARDEN.user.id().toString();

        var reply = server.delete("/api/admin/sessions?ip=2001:db8::1&userId=" + userId, admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of("terminateFromAddress 2001:db8:0:0:0:0:0:1 of " + userId + " by alice"), WARDEN.calls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?userId=", "?userId=nope", "?ip=", "?ip=10.0.0.0/15", "?ip=0.0.0.0/0",
            "?ip=2001:db8::/47", "?ip=evil.example", "?ip=10.0.0.1%00", "?ip=10.0.0.1&userId=nope"})
    void givenNoValidUserId_whenTerminatingSessions_thenInvalidRequestAndNothingTerminated(String query) {
        var reply = server.delete("/api/admin/sessions" + query, admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/15", "::/0", "2001:db8::/47", "not-an-address", "10.0.0.1%00"})
    void givenTooWideOrBadNetwork_whenListingSessions_thenInvalidRequest(String ip) {
        var reply = server.get("/api/admin/sessions?ip=" + ip, admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @Test
    void givenANetwork_whenListingSessions_thenTheQueryCarriesItInRecordedForm() {
        var reply = server.get("/api/admin/sessions?ip=2001:db8:1::/48", admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals("2001:db8:1:0:0:0:0:0/48", ((ActiveSessionQuery) WARDEN.lastQuery).ipAddress());
    }

    static Stream<Arguments> unknownSessionOrUser() {
        return Stream.of(
                Arguments.of("/api/admin/sessions/", new SessionNotFound("No active session has this id."),
                        "session-not-found"),
                Arguments.of("/api/admin/sessions?userId=", new UserNotFound("No account has this id."),
                        "user-not-found"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unknownSessionOrUser")
    void givenUnknownSessionOrUser_whenTerminating_thenNotFoundNamingIt(String pathBeforeId, RuntimeException notFound,
                                                                        String problem) {
        WARDEN.failNextWith(notFound);

        var reply = server.delete(pathBeforeId + id(), admin());

        assertEquals(404, reply.status());
        assertEquals(problem, reply.problem());
    }

    // ---- users ----

    @Test
    void whenListingUsers_thenPageOfUserRows() {
        var reply = server.get("/api/admin/users?limit=5&q=bo", admin());

        assertEquals(200, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals(1, json.get("total").asInt());
        assertEquals(5, json.get("limit").asInt());
        assertFalse(json.has("nextCursor"));
        JsonNode row = json.get("items").get(0);
        assertEquals(List.of("id", "username", "role", "status", "createdAt", "activeSessions", "distinctIps",
                "lockedUntil", "ipSpread", "actions", "assignableRoles"), fieldNames(row));
        assertEquals("2026-11-26T15:19:05Z", row.get("lockedUntil").asText());
        assertFalse(row.get("ipSpread").asBoolean(), "one IP is below the default threshold of 4");
        // alice (ADMIN) may unlock, disable and reset bob (USER), but not make him an ADMIN.
        assertEquals(List.of("UNLOCK", "DISABLE", "RESET_PASSWORD"), texts(row.get("actions")));
        assertEquals(List.of(), texts(row.get("assignableRoles")));
        assertEquals("bo", ((UserQuery) WARDEN.lastQuery).q());
    }

    @Test
    void givenAConfiguredIpSpreadThreshold_whenListingUsers_thenTheRowIsFlaggedByThatThreshold() {
        WardenPolicy d = WardenPolicy.DEFAULTS;
        WardenPolicy oneIpIsASpread = new WardenPolicy(d.idleTimeout(), d.absoluteLifetime(), d.maxSessionsPerUser(),
                d.expirySweepInterval(), d.lockoutThreshold(), d.lockoutDuration(), 1, d.reauthWindow());
        try (TestServer strict = TestServer.start(WARDEN.useCases(), new HttpSettings(true, List.of(), oneIpIsASpread))) {
            var reply = strict.get("/api/admin/users", admin());

            assertEquals(200, reply.status(), reply.body());
            JsonNode row = reply.json().get("items").get(0);
            assertEquals(1, row.get("distinctIps").asInt());
            assertTrue(row.get("ipSpread").asBoolean(), row.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "offset=-5", "limit=x"})
    void givenBadPaging_whenListingUsers_thenInvalidRequest(String query) {
        var reply = server.get("/api/admin/users?" + query, admin());

        assertEquals(400, reply.status());
        assertEquals("invalid-request", reply.problem());
    }

    @Test
    void whenCreatingUser_thenCreatedUserRowWithoutPassword() {
        var reply = server.post("/api/admin/users", NEW_USER, admin());

        assertEquals(201, reply.status(), reply.body());
        assertEquals("carol", reply.json().get("username").asText());
        assertEquals("USER", reply.json().get("role").asText());
        assertEquals(0, reply.json().get("activeSessions").asInt());
        assertTrue(reply.json().get("lockedUntil").isNull());
        assertFalse(reply.body().contains("a long enough password"));
        assertEquals(List.of("create carol USER by alice"), WARDEN.calls);
    }

    @Test
    void givenWeakPassword_whenCreatingUser_thenPasswordPolicyNamingTheRule() {
        WARDEN.failNextWith(new PasswordRejected(PasswordRejected.Rule.TOO_SHORT,
                "The password must be at least 12 characters long."));

        var reply = server.post("/api/admin/users", NEW_USER, admin());

        assertEquals(400, reply.status());
        assertEquals("password-policy", reply.problem());
        assertEquals("The password must be at least 12 characters long.", reply.detail());
    }

    static Stream<Arguments> creationConflicts() {
        return Stream.of(
                Arguments.of(new UsernameTaken("Another account already has this username."), "username-taken"),
                Arguments.of(new OwnerProtected("The owner account cannot be disabled."), "owner-protected"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("creationConflicts")
    void givenTakenUsernameOrOwnerProtected_whenCreatingUser_thenConflictNamingIt(RuntimeException refusal,
                                                                                  String problem) {
        WARDEN.failNextWith(refusal);

        var reply = server.post("/api/admin/users", NEW_USER, admin());

        assertEquals(409, reply.status());
        assertEquals(problem, reply.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"OWNER", "admin", "SUPERUSER", ""})
    void givenRoleThatCannotBeCreated_whenCreatingUser_thenInvalidRequest(String role) {
        if (role.equals("OWNER")) {
            // The service refuses a second owner; the adapter only passes the role on.
            WARDEN.failNextWith(new dev.warden.application.port.in.InvalidRequest("There is exactly one owner."));
        }
        String body = "{\"username\":\"carol\",\"password\":\"a long enough password\",\"role\":\"" + role + "\"}";

        var reply = server.post("/api/admin/users", body, admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
    }

    // ---- audit ----

    @Test
    void whenListingAudit_thenEntriesWithEveryContractFieldAndACursorPage() {
        String userId = WARDEN.admin.id().toString();

        var reply = server.get("/api/admin/audit?type=LOGIN_SUCCEEDED&userId=" + userId, admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of("items", "total", "limit", "offset", "nextCursor", "totalIsLowerBound"),
                fieldNames(reply.json()));
        JsonNode entry = reply.json().get("items").get(0);
        assertEquals(List.of("id", "type", "occurredAt", "userId", "username", "actorId", "actorUsername", "sessionId",
                "ipAddress", "userAgent", "reason"), fieldNames(entry));
        assertEquals("LOGIN_SUCCEEDED", entry.get("type").asText());
        assertEquals("192.0.2.10", entry.get("ipAddress").asText());
        assertTrue(entry.get("actorId").isNull());
        AuditQuery query = (AuditQuery) WARDEN.lastQuery;
        assertEquals(Set.of(AuditType.LOGIN_SUCCEEDED), query.types());
        assertEquals(userId, query.userId().toString());
        assertNull(query.username());
        assertNull(query.from());
    }

    @Test
    void whenListingAuditWithEveryFilter_thenEachIsReadAndPassedOn() {
        var reply = server.get("/api/admin/audit?username=%20Mallory%20&ip=2001:DB8::1&type=LOGIN_FAILED"
                + "&type=ACCOUNT_LOCKED&type=LOGIN_FAILED&type=&from=2026-11-26T15:00:00%2B01:00"
                + "&to=2026-11-27T00:00:00.5Z&limit=20", admin());

        assertEquals(200, reply.status(), reply.body());
        AuditQuery query = (AuditQuery) WARDEN.lastQuery;
        assertEquals("Mallory", query.username());
        assertEquals("2001:db8:0:0:0:0:0:1", query.ipAddress(), "the address as client addresses are recorded");
        assertEquals(Set.of(AuditType.LOGIN_FAILED, AuditType.ACCOUNT_LOCKED), query.types());
        assertEquals(Instant.parse("2026-11-26T14:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-11-27T00:00:00.5Z"), query.to());
        assertEquals(20, query.page().limit());
        assertNull(query.cursor());
    }

    @Test
    void givenNextCursor_whenListingAudit_thenTheCursorIsDecodedAndPassedOn() {
        JsonNode first = server.get("/api/admin/audit", admin()).json();
        String cursor = first.get("nextCursor").asText();

        var reply = server.get("/api/admin/audit?type=LOGOUT&cursor=" + cursor, admin());

        assertEquals(200, reply.status(), reply.body());
        PageCursor passed = ((AuditQuery) WARDEN.lastQuery).cursor();
        assertEquals(first.path("items").get(0).path("id").asText(), passed.id().toString());
        assertEquals(first.path("items").get(0).path("occurredAt").asText(), passed.at().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "type=LOGIN                                           | 'type'",
            "type=login_succeeded                                 | 'type'",
            "type=LOGIN_FAILED&type=NOT_A_TYPE                    | 'type'",
            "type=LOGIN_FAILED%00                                 | 'type'",
            "userId=42                                            | 'userId'",
            "limit=600                                            | limit",
            "offset=5&cursor=MTc5NTcwNDAxMi4wLmYxMjM1ZWFlLTJkYjMtNDBjNi05ZDhkLWJhOTk0ODUyN2IyMA | cursor",
            "cursor=garbage                                       | cursor",
            "from=yesterday                                       | 'from'",
            "from=2026-11-26                                      | 'from'",
            "from=2026-11-26T15:04:05                             | 'from'",
            "to=2026-11-26T25:00:00Z                              | 'to'",
            "to=2026-02-30T00:00:00Z                              | 'to'",
            "from=%2B10000-01-01T00:00:00Z                        | from",
            "from=2026-11-27T00:00:00Z&to=2026-11-26T00:00:00Z    | from",
            "ip=not-an-address                                    | 'ip'",
            "ip=10.0.0.256                                        | 'ip'",
            "ip=10.0.0.0/8                                        | 'ip'",
            "ip=fe80::1%25eth0                                    | 'ip'",
            "ip=localhost                                         | 'ip'",
            "username=ali%00ce                                    | 'username'",
            "username=ali%C2%85ce                                 | 'username'",
            "username=a&username=b                                | 'username'"})
    void givenABadValue_whenListingAudit_thenInvalidRequestNamingTheParameter(String query, String named) {
        var reply = server.get("/api/admin/audit?" + query.strip(), admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains(named.strip()), reply.detail());
        assertNull(WARDEN.lastQuery);
    }

    @Test
    void givenTooManyOrOverlongValues_whenListingAudit_thenInvalidRequestOrUriTooLong() {
        String everyTypeTwice = Stream.of(AuditType.values(), AuditType.values()).flatMap(Stream::of)
                .map(type -> "type=" + type).collect(Collectors.joining("&"));

        var repeated = server.get("/api/admin/audit?" + everyTypeTwice, admin());
        var longName = server.get("/api/admin/audit?username=" + "a".repeat(Params.MAX_VALUE_LENGTH + 1), admin());
        var hugeName = server.get("/api/admin/audit?username=" + "a".repeat(100_000), admin());

        assertEquals(400, repeated.status(), repeated.body());
        assertTrue(repeated.detail().contains("'type' must be given at most " + AuditType.values().length + " times"),
                repeated.detail());
        assertEquals(400, longName.status(), longName.body());
        assertTrue(longName.detail().contains("'username'"), longName.detail());
        // 100 kB is past what the server reads of a request line: refused before routing.
        assertEquals(414, hugeName.status(), hugeName.body());
        assertNull(WARDEN.lastQuery);
    }

    @Test
    void whenListingAuditTypes_thenEveryTypeTheDomainKnowsInItsOrder() {
        var reply = server.get("/api/admin/audit/types", admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of("items"), fieldNames(reply.json()));
        List<String> names = new ArrayList<>();
        reply.json().get("items").forEach(name -> names.add(name.asText()));
        assertEquals(Stream.of(AuditType.values()).map(Enum::name).toList(), names);
    }

    // ---- alarms ----

    @Test
    void whenListingAlarms_thenAlarmsWithEveryContractField() {
        var reply = server.get("/api/admin/alarms?status=OPEN", admin());

        assertEquals(200, reply.status(), reply.body());
        JsonNode alarm = reply.json().get("items").get(0);
        assertEquals(List.of("id", "type", "userId", "username", "distinctIps", "ipAddresses", "status", "raisedAt",
                "resolvedAt", "acknowledgedAt", "acknowledgedBy"), fieldNames(alarm));
        assertEquals("[\"10.0.0.2\",\"10.0.0.10\",\"198.51.100.7\",\"203.0.113.9\"]", alarm.get("ipAddresses").toString(),
                "the addresses, sorted");
        assertEquals("IP_SPREAD", alarm.get("type").asText());
        assertEquals("OPEN", alarm.get("status").asText());
        assertEquals(Alarm.Status.OPEN, ((AlarmQuery) WARDEN.lastQuery).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=CLOSED", "status=open", "offset=x"})
    void givenBadFilter_whenListingAlarms_thenInvalidRequest(String query) {
        var reply = server.get("/api/admin/alarms?" + query, admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
    }

    // ---- unlocking a user, acknowledging an alarm: a POST on one id ----

    @ParameterizedTest
    @CsvSource({
            "/api/admin/users/{id}/unlock, unlock",
            "/api/admin/alarms/{id}/acknowledge, acknowledge"})
    void whenUnlockingUserOrAcknowledgingAlarm_thenNoContentAndUseCaseCalledWithId(String route, String call) {
        String id = id();

        var reply = server.post(route.replace("{id}", id), null, admin());

        assertEquals(204, reply.status(), reply.body());
        assertEquals(List.of(call + " " + id + " by alice"), WARDEN.calls);
    }

    static Stream<Arguments> unknownOrMalformedIds() {
        return Stream.of(
                Arguments.of("/api/admin/users/{id}/unlock", new UserNotFound("No account has this id."), "xyz",
                        "user-not-found"),
                Arguments.of("/api/admin/alarms/{id}/acknowledge", new AlarmNotFound("No alarm has this id."), "123",
                        "alarm-not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownOrMalformedIds")
    void givenUnknownOrMalformedId_whenUnlockingOrAcknowledging_thenNotFoundOrInvalidRequest(
            String route, RuntimeException unknownId, String malformedId, String notFound) {
        WARDEN.failNextWith(unknownId);
        var unknown = server.post(route.replace("{id}", id()), null, admin());
        var malformed = server.post(route.replace("{id}", malformedId), null, admin());

        assertEquals(404, unknown.status());
        assertEquals(notFound, unknown.problem());
        assertEquals(400, malformed.status());
        assertEquals("invalid-request", malformed.problem());
    }

    // ---- everything else ----

    @Test
    void givenUnknownApiPath_thenNotFoundProblem() {
        var reply = server.get("/api/admin/nothing-here", admin());
        var root = server.get("/api");

        assertEquals(404, reply.status());
        assertEquals("not-found", reply.problem());
        assertEquals(404, root.status());
        assertEquals("not-found", root.problem());
    }

    @Test
    void givenKnownPathWithOtherMethod_thenMethodNotAllowedWithAllow() {
        var reply = server.send("PUT", "/api/admin/users", "{}", admin());

        assertEquals(405, reply.status());
        assertEquals("method-not-allowed", reply.problem());
        assertEquals("GET, POST", reply.headers().firstValue("Allow").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/sessions?q=%zz", "/api/admin/sessions?userId=%00", "/api/admin/sessions/%zz",
            "/api/admin/sessions?limit=%", "/api/admin/audit?type=%E2%82", "/api/admin/users?q=a%2", "/api/%2e%2e/x"})
    void givenGarbledEncoding_thenClientErrorNeverServerError(String path) {
        var reply = server.rawGet(path, admin());

        assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
        assertTrue(reply.body().contains("application/problem+json"), reply.toString());
    }

    @Test
    void givenUnexpectedFailure_thenInternalErrorWithGenericDetail() {
        WARDEN.failNextWith(new IllegalStateException("connection to db://secret@host failed"));

        var reply = server.get("/api/admin/users", admin());

        assertEquals(500, reply.status());
        assertEquals("internal-error", reply.problem());
        assertFalse(reply.body().contains("secret"), reply.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
