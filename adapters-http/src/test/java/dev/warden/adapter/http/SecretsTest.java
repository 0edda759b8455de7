package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No token, CSRF token, password or hash in any response but the login's own, nor in any log line. */
class SecretsTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final Logger ADAPTER_LOGGER = Logger.getLogger("dev.warden.adapter.http");
    private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            RECORDS.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);

    @BeforeAll
    static void captureLogs() {
        CAPTURE.setLevel(Level.ALL);
        ADAPTER_LOGGER.addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        ADAPTER_LOGGER.removeHandler(CAPTURE);
    }

    @Test
    void whenUsingEveryRoute_thenOnlyTheLoginResponseCarriesTheTokenAndNoLogLineCarriesASecret() {
        String token = WARDEN.adminToken.reveal();
        String csrf = WARDEN.adminToken.csrfToken();
        String cookie = "__Host-warden_session=" + token;
        String bearer = "Bearer " + token;
        String someId = "0b7c4f6e-2f1a-4c1e-9a59-2f0c1c3e9d10";

        var login = server.post("/api/auth/login",
                "{\"username\":\"alice\",\"password\":\"" + FakeWarden.PASSWORD + "\"}");
        List<TestServer.Reply> others = new ArrayList<>();
        others.add(server.post("/api/auth/login", "{\"username\":\"alice\",\"password\":\"" + FakeWarden.PASSWORD + "x\"}"));
        others.add(server.post("/api/auth/login", "{\"username\":\"alice\",\"password\":" + FakeWarden.PASSWORD + "}"));
        var cookieSession = server.get("/api/auth/session", "Cookie", cookie);
        others.add(server.get("/api/auth/session", "Authorization", bearer));
        others.add(server.get("/api/admin/sessions?limit=5", "Cookie", cookie));
        others.add(server.get("/api/admin/users", "Authorization", bearer));
        others.add(server.post("/api/admin/users",
                "{\"username\":\"carol\",\"password\":\"" + FakeWarden.PASSWORD + "\",\"role\":\"ADMIN\"}",
                "Cookie", cookie, "X-Warden-CSRF", csrf));
        others.add(server.get("/api/admin/audit", "Authorization", bearer));
        others.add(server.get("/api/admin/alarms", "Authorization", bearer));
        others.add(server.post("/api/admin/alarms/" + someId + "/acknowledge", null, "Cookie", cookie, "X-Warden-CSRF", csrf));
        others.add(server.post("/api/admin/users/" + someId + "/unlock", null, "Authorization", bearer));
        others.add(server.delete("/api/admin/sessions/" + someId, "Authorization", bearer));
        others.add(server.delete("/api/admin/sessions?userId=" + someId, "Authorization", bearer));
        others.add(server.delete("/api/admin/sessions/" + someId, "Cookie", cookie));
        // A client that puts its token where it does not belong must not get it logged either.
        others.add(server.get("/api/" + token + "?token=" + token, "Authorization", bearer));
        others.add(server.get("/api/auth/session?access_token=" + token));
        WARDEN.failNextWith(new IllegalStateException("boom"));
        others.add(server.get("/api/admin/users", "Authorization", bearer));
        others.add(server.post("/api/auth/logout", null, "Cookie", cookie, "X-Warden-CSRF", csrf));

        assertEquals(201, login.status());
        assertTrue(login.body().contains(token));
        for (TestServer.Reply reply : others) {
            assertNoSecret(reply.body(), "response " + reply);
            assertTrue(reply.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains(token)), reply.toString());
        }
        assertNoSecret(login.body().replace(token, "").replace(csrf, ""), "login response besides its own token");
        // The console's own session, read with its cookie, learns its CSRF token again, and nothing else.
        assertTrue(cookieSession.body().contains(csrf));
        assertNoSecret(cookieSession.body().replace(csrf, ""), "cookie session response besides its CSRF token");

        List<String> accessLines = awaitAccessLines(others.size() + 1);
        assertTrue(accessLines.stream().anyMatch(line -> line.startsWith("POST /api/auth/login 201 ")), accessLines.toString());
        assertTrue(accessLines.stream().anyMatch(line -> line.startsWith("GET /api/admin/users 500 ")), accessLines.toString());
        assertTrue(accessLines.stream().anyMatch(line -> line.startsWith("GET /api/[redacted] 404 ")), accessLines.toString());
        assertTrue(accessLines.stream().allMatch(line -> line.endsWith(" 127.0.0.1")), accessLines.toString());
        for (LogRecord record : RECORDS) {
            assertNoSecret(formatted(record), "log line");
        }
    }

    private static void assertNoSecret(String text, String where) {
        String token = WARDEN.adminToken.reveal();
        assertFalse(text.contains(token), where + " contains the token: " + text);
        assertFalse(text.contains(WARDEN.adminToken.csrfToken()), where + " contains the CSRF token: " + text);
        assertFalse(text.contains(WARDEN.adminToken.hash().value()), where + " contains the token hash: " + text);
        assertFalse(text.contains(FakeWarden.PASSWORD), where + " contains the password: " + text);
        assertFalse(text.contains("warden_session="), where + " contains a session cookie: " + text);
    }

    private static List<String> awaitAccessLines(int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<String> lines = RECORDS.stream()
                    .filter(r -> r.getLoggerName().equals(AccessLog.class.getName()))
                    .map(LogRecord::getMessage)
                    .toList();
            if (lines.size() >= atLeast || System.nanoTime() > deadline) {
                return lines;
            }
            Thread.onSpinWait();
        }
    }

    private static String formatted(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(' ').append(t);
        }
        return text.toString();
    }
}
