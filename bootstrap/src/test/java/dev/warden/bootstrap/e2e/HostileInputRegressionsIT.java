package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.Username;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inputs issue 8 found answering 500 (or worse, a surprising 200), each against the whole
 * service on PostgreSQL: now a 400 {@code invalid-request} naming what was wrong, and nothing in
 * the database changes. Plus the login-name rules (NFKC, the cap before lookup) and what a
 * hostile User-Agent leaves in the audit log.
 */
class HostileInputRegressionsIT {
    private static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    private static RunningWarden warden;
    private static RawHttp http;
    private static ApiClient api;
    private static String token;

    @BeforeAll
    static void start() {
        warden = RunningWarden.start();
        http = new RawHttp(warden.app.httpPort());
        api = warden.client();
        token = warden.ownerToken();
    }

    @AfterAll
    static void stop() {
        if (warden != null) {
            warden.close();
        }
    }

    static Stream<Arguments> badInputs() {
        String overflowing = cursor("31556889864403199.0.0b9e7a52-4a3c-4a7e-9a51-6f1f0c2d3e4f");
        return Stream.of(
                bad("NUL in the login username", "POST", "/api/auth/login", "{\"username\":\"a\\u0000b\",\"password\":\"x\"}", "'username'"),
                bad("lone surrogate in the login username", "POST", "/api/auth/login", "{\"username\":\"a\\ud800\",\"password\":\"x\"}", "'username'"),
                bad("lone surrogate in the login password", "POST", "/api/auth/login", "{\"username\":\"nobody\",\"password\":\"\\udfff\"}", "'password'"),
                bad("NUL in a new user's name", "POST", "/api/admin/users",
                        "{\"username\":\"ca\\u0000rol\",\"password\":\"a long enough passphrase 9\",\"role\":\"USER\"}", "'username'"),
                bad("NUL in the sessions q filter", "GET", "/api/admin/sessions?q=a%00b", null, "'q'"),
                bad("NUL in the sessions ip filter", "GET", "/api/admin/sessions?ip=10.0.0.1%00", null, "'ip'"),
                bad("NUL in the users q filter", "GET", "/api/admin/users?q=%00", null, "'q'"),
                bad("C1 control in the audit type filter", "GET", "/api/admin/audit?type=LOGIN_FAILED%C2%85", null, "'type'"),
                bad("NUL in the audit userId filter", "GET", "/api/admin/audit?userId=%00", null, "'userId'"),
                bad("NUL in the alarms status filter", "GET", "/api/admin/alarms?status=OPEN%00", null, "'status'"),
                bad("a cursor whose instant overflows", "GET", "/api/admin/sessions?cursor=" + overflowing, null, "cursor"),
                bad("a cursor in the year 10000", "GET", "/api/admin/sessions?cursor="
                        + cursor("253402300800.0.0b9e7a52-4a3c-4a7e-9a51-6f1f0c2d3e4f"), null, "cursor"),
                bad("offset=0000000001 on sessions", "GET", "/api/admin/sessions?offset=0000000001", null, "'offset'"),
                bad("offset=0000000001 on users", "GET", "/api/admin/users?offset=0000000001", null, "'offset'"),
                bad("offset=0000000001 on audit", "GET", "/api/admin/audit?offset=0000000001", null, "'offset'"),
                bad("offset=0000000001 on alarms", "GET", "/api/admin/alarms?offset=0000000001", null, "'offset'"),
                bad("limit=+5", "GET", "/api/admin/users?limit=%2B5", null, "'limit'"),
                bad("offset past nine digits", "GET", "/api/admin/users?offset=99999999999", null, "'offset'"),
                bad("a session id with NUL", "DELETE", "/api/admin/sessions/%00", null, "'id'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void givenInputThatOnceReached500_thenInvalidRequestNamingItAndNothingChanges(String name, String method, String target,
                                                                                 String body, String named) {
        long audit = TestPostgres.queryLong("SELECT count(*) FROM audit_entries");
        long sessions = TestPostgres.queryLong("SELECT count(*) FROM sessions");
        long users = TestPostgres.queryLong("SELECT count(*) FROM users");

        RawHttp.Response reply = http.exchange(method + " " + target + " HTTP/1.1\r\nAuthorization: Bearer " + token
                        + (body == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + utf8(body).length),
                body == null ? null : utf8(body), null);

        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.body().contains("/problems/invalid-request"), reply.toString());
        assertTrue(reply.body().contains(named), "the detail names " + named + ": " + reply.body());
        assertFalse(reply.body().contains("\\u0000"), "never echoes the value: " + reply.body());
        assertEquals(audit, TestPostgres.queryLong("SELECT count(*) FROM audit_entries"), "no audit entry");
        assertEquals(sessions, TestPostgres.queryLong("SELECT count(*) FROM sessions"));
        assertEquals(users, TestPostgres.queryLong("SELECT count(*) FROM users"));
    }

    @Test
    void givenAnInvalidChunkSize_whenLoggingIn_thenInvalidRequestAndTheConnectionCloses() {
        long audit = TestPostgres.queryLong("SELECT count(*) FROM audit_entries");
        String body = "{\"username\":\"nobody\",\"password\":\"x\"}";

        RawHttp.Response reply = http.exchange("POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked", utf8("zz\r\n" + body + "\r\n0\r\n\r\n"), null);

        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.body().contains("/problems/invalid-request"), reply.toString());
        assertTrue(reply.body().contains("chunked"), reply.body());
        assertEquals("close", reply.header("Connection"));
        assertEquals(audit, TestPostgres.queryLong("SELECT count(*) FROM audit_entries"));
    }

    @Test
    void givenA16KiBUnknownUsername_whenLoggingIn_thenRefusedAndAuditedOnlyCut() {
        String typed = "z".repeat(16 * 1024 - 100);

        ApiClient.Response reply = api.login(typed, "wrong password");

        assertEquals(401, reply.status(), reply.body());
        assertEquals("invalid-credentials", reply.problemType());
        assertEquals("z".repeat(Username.MAX_LENGTH) + "\u2026",
                latestAudit("username", "LOGIN_FAILED"), "never stored as typed");
    }

    @Test
    void givenAnAccountCreatedAsALigature_whenTypingTheLigatureAtLogin_thenLoggedIn() {
        String password = "ligature passphrase 42";
        ApiClient.Response created = api.post("/api/admin/users", token,
                "{\"username\":\"\uFB01nn\",\"password\":\"" + password + "\",\"role\":\"USER\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("finn", created.json().path("username").asText());

        ApiClient.Response ligature = api.login("\uFB01nn", password);
        ApiClient.Response fullWidthCapitals = api.login("\uFF26\uFF29\uFF2E\uFF2E", password);

        assertEquals(201, ligature.status(), ligature.body());
        assertEquals("finn", ligature.json().path("user").path("username").asText());
        assertEquals(201, fullWidthCapitals.status(), fullWidthCapitals.body());
    }

    @Test
    void givenAHostileUserAgent_whenLoggingIn_thenTheAuditKeepsItCappedWithoutControls() {
        // Latin-1 bytes on the wire: C1 controls (0x85) and 600 characters.
        String agent = "agent\u0085\u009f" + "u".repeat(600);
        String body = "{\"username\":\"nobody-ua\",\"password\":\"wrong\"}";

        RawHttp.Response reply = http.exchange("POST /api/auth/login HTTP/1.1\r\nUser-Agent: " + agent
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length(), utf8(body), null);

        assertEquals(401, reply.status(), reply.toString());
        String stored = latestAudit("user_agent", "LOGIN_FAILED");
        assertTrue(stored.startsWith("agent\uFFFD\uFFFDuuu"), stored);
        assertEquals(513, stored.length(), "512 characters and the cut marker");
    }

    @Test
    void thePublicHealthAnswersOnlyItsStatus() {
        ApiClient.Response health = api.get("/observe/health", null);

        assertEquals(200, health.status());
        assertEquals("{\"status\":\"UP\"}", health.body());
        assertEquals("no-store", health.header("Cache-Control"));
    }

    @Test
    void everyKindOfResponseOfTheRunningServiceCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/app.js", "/style.css", "/favicon.svg", "/no-such-file.js", "/api/auth/session",
                "/api/nothing", "/observe/health")) {
            ApiClient.Response reply = api.get(path, null);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
            assertEquals(CSP, reply.header("Content-Security-Policy"), path);
            assertEquals("no-referrer", reply.header("Referrer-Policy"), path);
            if (path.startsWith("/api") || path.startsWith("/observe")) {
                assertEquals("no-store", reply.header("Cache-Control"), path);
            }
        }
        RawHttp.Response direct = http.exchange("GET /api/auth/session HTTP/1.1\r\nContent-Length: x", null, null);
        assertEquals(400, direct.status(), direct.toString());
        assertEquals("nosniff", direct.header("X-Content-Type-Options"), direct.toString());
        assertEquals(CSP, direct.header("Content-Security-Policy"), direct.toString());
    }

    @Test
    void givenAHostileBearer_whenValidating_thenAClientErrorNeverA500_andTheNextValidationStillWorks() {
        // A NUL inside a token-shaped value, a raw NUL, and a 100 kB "token" (over the header limit).
        String nulInToken = token.substring(0, 20) + "\u0000" + token.substring(21);
        for (String bearer : List.of(nulInToken, "\u0000", "x".repeat(100 * 1024))) {
            RawHttp.Response reply = http.exchange("GET /api/auth/session HTTP/1.1\r\nAuthorization: Bearer " + bearer,
                    null, null);

            assertTrue(reply.status() >= 400 && reply.status() < 500, bearer.length() + " chars: " + reply);
            assertFalse(reply.body().contains(bearer.length() > 40 ? bearer.substring(0, 40) : bearer),
                    "never echoes the value");
        }
        assertEquals(200, api.get("/api/auth/session", token).status());
    }

    private static Arguments bad(String name, String method, String target, String body, String named) {
        return Arguments.of(name, method, target, body, named);
    }

    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String latestAudit(String column, String type) {
        try (var c = TestPostgres.connection();
             var s = c.prepareStatement("SELECT " + column + " FROM audit_entries WHERE type = ? ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, type);
            try (var rows = s.executeQuery()) {
                assertTrue(rows.next(), "an audit entry of type " + type);
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
