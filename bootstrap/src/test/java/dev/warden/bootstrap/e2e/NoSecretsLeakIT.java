package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No token (but the login response's own), device cookie, password or hash ever appears in a
 * response body or log line.
 */
class NoSecretsLeakIT {
    private static final String PASSWORD = "leak hunting passphrase";
    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger warden = Logger.getLogger("dev.warden");

    /** Our own code at every level; libraries at the production level (their traces are theirs). */
    @BeforeEach
    void captureEveryLogLine() {
        warden.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        warden.setLevel(null);
    }

    @Test
    void aFullWorkflowLeaksNothing() {
        List<Response> responses = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, RunningWarden.OWNER_PASSWORD, "$argon2id"));
        try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_SESSION_MAX_PER_USER", "2"))) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            secrets.add(owner);
            responses.add(api.post("/api/admin/users", owner,
                    "{\"username\":\"mallory\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}"));
            responses.add(api.post("/api/admin/users", owner,
                    "{\"username\":\"mallory2\",\"password\":\"short\",\"role\":\"USER\"}"));
            Response login = api.login("mallory", PASSWORD);
            String token = login.token();
            secrets.add(token);
            String device = login.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("warden_device="))
                    .map(c -> c.substring("warden_device=".length(), c.indexOf(';'))).findFirst().orElseThrow();
            secrets.add(device);
            responses.add(api.login("mallory", "wrong " + PASSWORD, Map.of("Cookie", "warden_device=" + device)));
            responses.add(api.login("owner", "wrong " + PASSWORD, Map.of("Cookie", "warden_device=" + device)));
            secrets.add(api.login("mallory", PASSWORD).token());
            responses.add(api.login("mallory", PASSWORD)); // 409 at the limit of 2
            responses.add(api.login("mallory", "wrong " + PASSWORD));
            responses.add(api.login("nobody", PASSWORD));
            responses.add(api.get("/api/auth/session", token));
            responses.add(api.get("/api/auth/session", token + "x"));
            responses.add(api.get("/api/admin/sessions", owner));
            responses.add(api.get("/api/admin/users", owner));
            responses.add(api.get("/api/admin/audit", owner));
            responses.add(api.get("/api/admin/alarms", owner));
            responses.add(api.get("/api/admin/sessions", token));
            String malloryId = api.get("/api/auth/session", token).json().path("user").path("id").asText();
            String newPassword = "another leak hunting phrase";
            secrets.add(newPassword);
            responses.add(api.get("/api/auth/sessions", token));
            responses.add(api.post("/api/auth/password", token,
                    "{\"currentPassword\":\"wrong " + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}"));
            responses.add(api.post("/api/auth/password", token,
                    "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}"));
            responses.add(api.post("/api/auth/password", token,
                    "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}"));
            responses.add(api.post("/api/admin/users/" + malloryId + "/password", owner,
                    "{\"password\":\"" + PASSWORD + "\"}"));
            responses.add(api.post("/api/admin/users/" + malloryId + "/password", owner, "{\"password\":\"short\"}"));
            responses.add(api.send("PUT", "/api/admin/users/" + malloryId + "/role", owner, "{\"role\":\"ADMIN\"}",
                    Map.of()));
            responses.add(api.post("/api/admin/users/" + malloryId + "/disable", owner, null));
            responses.add(api.post("/api/admin/users/" + malloryId + "/enable", owner, null));
            responses.add(api.post("/api/auth/logout", token, null));
            responses.add(api.get("/api/auth/session", token));
            responses.add(api.send("GET", "/api/auth/session", null, null, Map.of("Cookie", "warden_session=" + token)));
            assertEquals(201, login.status());
        }

        for (Response response : responses) {
            for (String secret : secrets) {
                assertFalse(response.body().contains(secret), "a response leaked a secret: " + response.body());
            }
        }
        assertTrue(logLines.size() > 10, "the access log should have recorded the requests");
        for (String line : logLines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a log line leaked a secret: " + line);
            }
        }
    }
}
