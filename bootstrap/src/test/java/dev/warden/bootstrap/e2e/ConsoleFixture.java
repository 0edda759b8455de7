package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.bootstrap.e2e.ApiClient.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the console's browser tests share: one running Warden, an admin API client to set the
 * scene with, and the browsers a test opened (all quit after it, pass or fail).
 */
final class ConsoleFixture implements AutoCloseable {
    static final String PASSWORD = "console test passphrase";

    final RunningWarden warden;
    final ApiClient api;
    private final List<ConsoleBrowser> browsers = new ArrayList<>();
    private String ownerToken;
    private int userCounter;

    private ConsoleFixture(RunningWarden warden) {
        this.warden = warden;
        this.api = warden.client();
    }

    static ConsoleFixture start() {
        return start(Map.of());
    }

    /** With {@code overrides}: environment variables of contract.md for the running Warden. */
    static ConsoleFixture start(Map<String, String> overrides) {
        ConsoleBrowser.requireInstalled();
        Map<String, String> env = new HashMap<>();
        // Every test logs the owner in through a new browser and never out again: room for that.
        env.put("WARDEN_SESSION_MAX_PER_USER", "100");
        env.putAll(overrides);
        return new ConsoleFixture(RunningWarden.start(env));
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

    String ownerToken() {
        if (ownerToken == null) {
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

    /**
     * Keeps a screenshot and the DOM of every open browser of a failed test under
     * target/console-failures; called before the browsers quit.
     */
    void keepEvidenceOf(ExtensionContext test) {
        if (test.getExecutionException().isEmpty()) {
            return;
        }
        Path dir = Path.of("target", "console-failures");
        for (int i = 0; i < browsers.size(); i++) {
            browsers.get(i).saveEvidence(dir, test.getRequiredTestMethod().getName() + "-browser" + (i + 1));
        }
    }

    /** Quits every browser of the test that just ran. */
    void closeBrowsers() {
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

    @Override
    public void close() {
        try {
            closeBrowsers();
        } finally {
            warden.close();
        }
    }
}
