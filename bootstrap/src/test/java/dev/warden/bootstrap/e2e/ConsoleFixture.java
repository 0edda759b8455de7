package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.bootstrap.e2e.ApiClient.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the console's browser tests share, as a JUnit extension of the test class
 * ({@code @RegisterExtension static final ConsoleFixture console = new ConsoleFixture()}): one
 * running Warden for the class, an admin API client to set the scene with, and the browsers a test
 * opened (evidence kept when it failed, all quit after it, pass or fail).
 */
final class ConsoleFixture implements BeforeAllCallback, AfterTestExecutionCallback, AfterEachCallback,
        AfterAllCallback {
    static final String PASSWORD = "console test passphrase";

    private final Map<String, String> env = new HashMap<>();
    /** Started before the class's tests; null when Chromium is missing and the start failed. */
    RunningWarden warden;
    ApiClient api;
    private final List<ConsoleBrowser> browsers = new ArrayList<>();
    private String ownerToken;
    private int userCounter;

    ConsoleFixture() {
        this(Map.of());
    }

    /** With {@code overrides}: environment variables of docs/operations.md for the running Warden. */
    ConsoleFixture(Map<String, String> overrides) {
        // Every test logs the owner in through a new browser and never out again: room for that.
        env.put("WARDEN_SESSION_MAX_PER_USER", "100");
        env.putAll(overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ConsoleBrowser.requireInstalled();
        warden = RunningWarden.start(env);
        api = warden.client();
    }

    @Override
    public void afterTestExecution(ExtensionContext test) {
        keepEvidenceOf(test); // before the browsers quit
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeBrowsers();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (warden != null) {
            close();
        }
    }

    ConsoleBrowser browser() {
        ConsoleBrowser browser = ConsoleBrowser.open(warden.baseUrl());
        browsers.add(browser);
        return browser;
    }

    /** A browser already on the Sessions page as the owner. */
    ConsoleBrowser ownerBrowser() {
        ConsoleBrowser browser = browser();
        browser.logIn(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD);
        return browser;
    }

    /**
     * The owner's API session for setting tests up; logged in again when a test ended it (an
     * incident-response test ends every session from 127.0.0.0/16, this one included).
     */
    String ownerToken() {
        if (ownerToken == null || api.get("/api/auth/session", ownerToken).status() == 401) {
            ownerToken = warden.ownerToken();
        }
        return ownerToken;
    }

    /** A fresh account ({@link #PASSWORD}) named {@code prefix} plus a counter; returns its name and id. */
    User createUser(String prefix, String role) {
        String username = prefix + (++userCounter);
        Response created = api.post("/api/admin/users", ownerToken(),
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, created.status(), created.body());
        return new User(username, created.json().path("id").asText());
    }

    record User(String name, String id) {
    }

    /** Keeps a screenshot and the DOM of every open browser of a failed test under target/console-failures. */
    private void keepEvidenceOf(ExtensionContext test) {
        if (test.getExecutionException().isEmpty()) {
            return;
        }
        Path dir = Path.of("target", "console-failures");
        for (int i = 0; i < browsers.size(); i++) {
            browsers.get(i).saveEvidence(dir, test.getRequiredTestMethod().getName() + "-browser" + (i + 1));
        }
    }

    /** Quits every browser of the test that just ran. */
    private void closeBrowsers() {
        RuntimeException first = null;
        for (ConsoleBrowser browser : browsers) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        browsers.clear();
        if (first != null) {
            throw first;
        }
    }

    private void close() {
        try {
            closeBrowsers();
        } finally {
            warden.close();
        }
    }
}
