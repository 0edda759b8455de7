package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.ConsoleFixture.User;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web console's login and Sessions page in a real (headless) Chromium against the whole
 * running service. Screenshots of what the tests checked go to target/console-screenshots
 * ({@code ./warden screenshots} refreshes the documented ones in docs/console).
 */
class ConsoleBrowserIT {
    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @RegisterExtension
    static final ConsoleFixture console = new ConsoleFixture();

    @Test
    void loggingInLandsOnTheSessionsPageWithTheOwnersOwnSession() {
        ConsoleBrowser browser = console.browser();
        browser.openConsole();
        browser.page("login");
        assertTrue(browser.driver.findElement(By.id("login-message")).getText().isEmpty(),
                "a first visit says nothing about ended sessions");
        browser.screenshot("login");

        browser.logInOnThisPage(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD);

        List<String> headers = browser.driver.findElements(By.cssSelector("[data-page='sessions'] thead th"))
                .stream().map(th -> th.getDomProperty("textContent")).toList(); // CSS shows them upper-case
        assertEquals(List.of("User", "IP address", "Client", "Created", "Last active", "Expires", "Actions"),
                headers);
        WebElement mine = ownRow(browser);
        assertTrue(mine.getText().startsWith(RunningWarden.OWNER), mine.getText());
        assertEquals("127.0.0.1", mine.findElement(By.cssSelector("td.mono")).getText());
        assertEquals(RunningWarden.OWNER, browser.text(By.id("current-user")));
    }

    @Test
    void theConsoleWorksUnderItsContentSecurityPolicyWithNothingBlocked() {
        ApiClient.Response index = console.api.get("/", null);
        assertEquals("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
                index.header("Content-Security-Policy"));
        ConsoleBrowser browser = console.browser();

        browser.logIn(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD);
        for (String page : List.of("users", "audit", "alarms", "sessions")) {
            browser.nav(page);
            browser.page(page);
            browser.tableLoaded();
        }

        List<String> log = browser.consoleLog();
        assertTrue(log.stream().noneMatch(line -> line.contains("Content Security Policy")
                || line.contains("Refused to")), "the CSP blocked something: " + log);
        assertTrue(log.stream().noneMatch(line -> line.startsWith("SEVERE") && line.contains("favicon")),
                "the icon loads: " + log);
    }

    @Test
    void aUserRoleAccountLandsOnMyAccountAndIsToldTheAdminPagesAreForAdministrators() {
        User plain = console.createUser("plain", "USER");
        ConsoleBrowser browser = console.browser();
        browser.openConsole();
        browser.logInOnThisPage(plain.name(), ConsoleFixture.PASSWORD, "account");

        assertTrue(browser.driver.findElement(By.cssSelector("[data-nav='account']")).isDisplayed());
        assertFalse(browser.driver.findElement(By.cssSelector("[data-nav='sessions']")).isDisplayed(),
                "a USER sees only My account in the navigation");
        browser.driver.get(console.warden.baseUrl() + "/#/sessions");
        assertTrue(browser.text(By.cssSelector("[data-page='admins-only']")).contains("OWNER and ADMIN"));
        assertTrue(browser.driver.findElements(By.id("error-banner")).stream().noneMatch(WebElement::isDisplayed),
                "no 403 banner: nothing was asked of the admin API");
        browser.driver.findElement(By.cssSelector("[data-action='go-account']")).click();
        browser.page("account");
    }

    @Test
    void terminatingAnotherBrowsersSessionEndsItAndThatBrowserLandsOnLogin() {
        User colleague = console.createUser("colleague", "ADMIN");
        ConsoleBrowser theirs = console.browser();
        theirs.logIn(colleague.name(), ConsoleFixture.PASSWORD);
        ConsoleBrowser admin = console.ownerBrowser();

        WebElement row = onlyRowOf(admin, colleague.name());
        row.findElement(By.cssSelector("[data-action='terminate']")).click();

        String dialog = admin.text(By.id("confirm-dialog"));
        assertTrue(dialog.contains("ends immediately"), dialog);
        assertTrue(dialog.contains("This cannot be undone."), dialog);
        assertTrue(dialog.contains(colleague.name()), dialog);
        admin.screenshot("terminate-dialog");
        admin.driver.findElement(By.id("confirm-ok")).click();

        assertEquals("Session of " + colleague.name() + " terminated.", admin.flash());
        admin.waitUntil(d -> admin.sessionRows().isEmpty());
        assertEquals("No active sessions match these filters.", admin.text(By.cssSelector(".table-empty")));

        theirs.nav("users"); // their next click meets the 401
        theirs.page("login");
        assertEquals("Your session has ended. Please log in again.", theirs.text(By.id("login-message")));
    }

    @Test
    void pastTenThousandActiveSessionsThePagerSaysTenThousandPlusAndStillPagesOn() {
        User crowd = console.createUser("crowd", "USER");
        // Straight into PostgreSQL: logging in 10,050 sessions would take minutes of Argon2.
        TestPostgres.execute("INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at,"
                + " last_active_at, expires_at) SELECT gen_random_uuid(), '" + crowd.id() + "',"
                // a token hash as stored: base64url SHA-256
                + " rtrim(translate(encode(sha256(('crowd-' || n || random())::bytea), 'base64'), '+/', '-_'), '='),"
                + " '198.51.100.' || (n % 250), 'seeded', now() - interval '1 hour',"
                + " now() - interval '30 minutes' - n * interval '1 millisecond', now() + interval '20 hours'"
                + " FROM generate_series(1, 10050) n");
        try {
            ConsoleBrowser admin = console.ownerBrowser();
            By status = By.cssSelector("[data-page='sessions'] .pager-status");
            By next = By.cssSelector("[data-page='sessions'] [data-action='next-page']");

            admin.waitUntil(d -> admin.text(status).equals("Showing 1–25 of 10,000+"));
            admin.driver.findElement(next).click();
            admin.waitUntil(d -> admin.text(status).equals("Showing 26–50 of 10,000+"));
            assertTrue(admin.driver.findElement(next).isEnabled(), "more pages follow a lower-bound total");

            // A filter that matches fewer than 10,000 counts them exactly again (n = 7, 257, ... 10,007).
            admin.type(By.id("filter-ip"), "198.51.100.7");
            admin.waitUntil(d -> admin.text(status).equals("Showing 1–25 of 41"));
            admin.driver.findElement(next).click();
            admin.waitUntil(d -> admin.text(status).equals("Showing 26–41 of 41"));
            assertFalse(admin.driver.findElement(next).isEnabled(), "the last page of an exact total");
        } finally {
            TestPostgres.execute("UPDATE sessions SET ended_at = now(), end_reason = 'ADMIN_TERMINATED'"
                    + " WHERE user_id = '" + crowd.id() + "' AND ended_at IS NULL");
        }
    }

    @Test
    void theConfirmationDialogStartsOnCancelAndEnterOrEscapeTerminatesNothing() {
        User user = console.createUser("kept", "USER");
        String token = console.api.login(user.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser admin = console.ownerBrowser();
        WebElement terminate = onlyRowOf(admin, user.name()).findElement(By.cssSelector("[data-action='terminate']"));

        terminate.click();
        admin.waitUntil(d -> admin.dialogOpen());
        assertEquals("confirm-cancel", admin.focused().getAttribute("id"), "focus starts on Cancel");
        new Actions(admin.driver).sendKeys(Keys.ENTER).perform();
        admin.waitUntil(d -> !admin.dialogOpen());

        terminate.click();
        admin.waitUntil(d -> admin.dialogOpen());
        new Actions(admin.driver).sendKeys(Keys.ESCAPE).perform();
        admin.waitUntil(d -> !admin.dialogOpen());

        assertEquals(terminate, admin.focused(), "focus returns to the button that opened the dialog");
        assertEquals(1, admin.sessionRows().size());
        assertEquals(200, console.api.get("/api/auth/session", token).status(), "the session survived");
    }

    @Test
    void timesAreRelativeAndAbsoluteWithTheirZone_andTheClientIsTheServersParseWithTheRawStringOnHover() {
        User user = console.createUser("grace", "USER");
        console.warden.clientFrom("127.0.0.6")
                .login(user.name(), ConsoleFixture.PASSWORD, Map.of("User-Agent", FIREFOX_ON_WINDOWS)).token();
        console.warden.clientFrom("127.0.0.7").login(user.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser browser = console.ownerBrowser();

        WebElement mine = ownRow(browser);
        List<WebElement> cells = mine.findElements(By.tagName("td"));
        Instant now = Instant.now();
        assertTime(cells.get(3), "just now", now);
        assertTime(cells.get(4), "just now", now);
        assertTime(cells.get(5), "in 2[34] h", now.plus(Duration.ofHours(24))); // 24 h lifetime, rounded

        // The client is what the API parsed (the console parses nothing); the raw header is in the title.
        String rawAgent = (String) browser.script("return navigator.userAgent;");
        JsonNode client = console.api.get("/api/admin/sessions?q=" + RunningWarden.OWNER, console.ownerToken()).json()
                .path("items").findValue("client");
        WebElement agent = cells.get(2).findElement(By.cssSelector("span[title]"));
        new Actions(browser.driver).moveToElement(agent).perform();
        assertTrue(agent.getText().startsWith(client.path("browser").asText() + " "), agent.getText() + " vs " + client);
        assertTrue(agent.getText().contains(" on " + client.path("os").asText()), agent.getText() + " vs " + client);
        assertTrue(agent.getAttribute("title").endsWith(rawAgent), agent.getAttribute("title"));

        List<WebElement> graces = rowsOf(browser, user.name(), 2);
        WebElement firefox = agentCellFrom(graces, "127.0.0.6");
        assertTrue(firefox.getText().startsWith("Firefox 128 on Windows"), firefox.getText());
        assertTrue(firefox.getAttribute("title").endsWith(FIREFOX_ON_WINDOWS), firefox.getAttribute("title"));
        WebElement javaClient = agentCellFrom(graces, "127.0.0.7");
        assertFalse(javaClient.getText().isBlank());
        assertTrue(javaClient.getAttribute("title").contains("Java-http-client/"), javaClient.getAttribute("title"));

        browser.type(By.id("filter-user"), "");
        browser.waitUntil(d -> browser.sessionRows().size() >= 3);
        browser.screenshot("sessions");
    }

    @Test
    void absoluteTimesAreTheBrowsersOwnZoneAndNameIt() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ConsoleBrowser browser = console.browser();
        browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", berlin.getId()));
        browser.logIn(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD);

        WebElement time = ownRow(browser).findElements(By.tagName("td")).get(4).findElement(By.tagName("time"));
        Instant lastActive = Instant.parse(time.getDomAttribute("datetime"));
        int offsetHours = berlin.getRules().getOffset(lastActive).getTotalSeconds() / 3600; // CET +1, CEST +2
        String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(lastActive.atZone(berlin))
                + " GMT+" + offsetHours;
        assertEquals(expected, time.findElement(By.cssSelector(".time-abs")).getText(),
                "Berlin's wall-clock time, and the zone said (the API sent " + lastActive + ")");
        assertTrue(time.getDomAttribute("title").contains(expected), time.getDomAttribute("title"));
    }

    @Test
    void reloadingKeepsTheAdminLoggedInOnTheSamePageAndFilter() {
        User user = console.createUser("reload", "USER");
        console.api.login(user.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser admin = console.ownerBrowser();
        admin.driver.get(console.warden.baseUrl() + "/#/sessions?userId=" + user.id());
        admin.waitUntil(d -> admin.text(By.id("user-filter")).contains("Showing sessions of user " + user.name()));

        admin.driver.navigate().refresh(); // F5: the browser revalidates its cached files

        admin.page("sessions");
        admin.waitUntil(d -> admin.text(By.id("user-filter")).contains("Showing sessions of user " + user.name()));
        assertEquals(1, admin.sessionRows().size());
        assertEquals(RunningWarden.OWNER, admin.text(By.id("current-user")));
    }

    // ---- helpers ----

    /** The row marked "This session": the one the browser itself uses. */
    private static WebElement ownRow(ConsoleBrowser browser) {
        return browser.waitUntil(d -> browser.sessionRows().stream()
                .filter(r -> r.getText().contains("This session")).findFirst().orElse(null));
    }

    /** Filters the Sessions page by user and waits for exactly {@code count} rows, all theirs. */
    private static List<WebElement> rowsOf(ConsoleBrowser browser, String username, int count) {
        browser.type(By.id("filter-user"), username);
        return browser.waitUntil(d -> {
            List<WebElement> rows = browser.sessionRows();
            boolean theirs = rows.size() == count && rows.stream()
                    .allMatch(r -> r.findElement(By.cssSelector("td .strong")).getText().equals(username));
            return theirs ? rows : null;
        });
    }

    private static WebElement onlyRowOf(ConsoleBrowser browser, String username) {
        return rowsOf(browser, username, 1).getFirst();
    }

    private static WebElement agentCellFrom(List<WebElement> rows, String ip) {
        return rows.stream().filter(r -> r.findElement(By.cssSelector("td.mono")).getText().equals(ip))
                .findFirst().orElseThrow(() -> new AssertionError("no row from " + ip))
                .findElement(By.cssSelector("td:nth-child(3) span[title]"));
    }

    /** A time cell shows relative text over an absolute one, and keeps the exact instant. */
    private static void assertTime(WebElement cell, String relativePattern, Instant expected) {
        WebElement time = cell.findElement(By.tagName("time"));
        String relative = time.findElement(By.cssSelector(".time-rel")).getText();
        assertTrue(relative.matches(relativePattern), relative + " should match " + relativePattern);
        // The browser's zone, named: "2026-12-06 14:03:12 UTC" (docs/console.md, Times).
        String absolute = time.findElement(By.cssSelector(".time-abs")).getText();
        assertTrue(absolute.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+"), "date, time and zone: " + absolute);
        assertTrue(absolute.startsWith(String.valueOf(expected.atZone(ZoneId.systemDefault()).getYear())), absolute);
        Instant shown = Instant.parse(time.getAttribute("datetime"));
        assertTrue(Duration.between(shown, expected).abs().compareTo(Duration.ofMinutes(1)) < 0,
                shown + " vs " + expected);
        assertTrue(time.getAttribute("title").contains(absolute), time.getAttribute("title"));
    }
}
