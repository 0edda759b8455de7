package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.ApiClient.Response;
import dev.warden.bootstrap.e2e.ConsoleFixture.User;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * The Sessions page's sortable headers (the API's sort, its cursor within the sort, aria-sort, the
 * hash), the CSV exports of Sessions and Auth Audit (exactly what is filtered, as a file), and the
 * client as the server parsed it, in a real (headless) Chromium against the whole service.
 */
class ConsoleSortExportIT {
    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String GOOGLEBOT =
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final Duration DOWNLOAD = Duration.ofSeconds(20);

    @RegisterExtension
    static final ConsoleFixture console = new ConsoleFixture();

    @Test
    void aHeaderSortsAsTheApiDoes_pagesWithinThatSort_andTheSortSurvivesAReload() {
        // 28 sessions named "sorter...": more than a page (25), from addresses and users in a mixed order.
        User many = console.createUser("sorter", "USER");
        User one = console.createUser("sorter", "USER");
        User other = console.createUser("sorter", "USER");
        for (int i = 26; i >= 1; i--) {
            console.warden.clientFrom("127.4.0." + i).login(many.name(), ConsoleFixture.PASSWORD).token();
        }
        console.warden.clientFrom("127.4.9.1").login(one.name(), ConsoleFixture.PASSWORD).token();
        console.warden.clientFrom("127.4.1.1").login(other.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser admin = console.ownerBrowser();
        admin.type(By.id("filter-user"), "sorter");
        admin.waitUntil(d -> admin.sessionRows().size() == 25);
        assertEquals("descending", sortOf(admin, "lastActiveAt"), "newest activity first by default");
        assertEquals("none", sortOf(admin, "username"));

        admin.visible(By.cssSelector("button[data-sort='ipAddress']")).click();
        assertEquals("ascending", waitForSort(admin, "ipAddress", "ascending"));
        assertEquals("none", sortOf(admin, "lastActiveAt"));
        JsonNode first = apiPage("q=sorter&sort=ipAddress&order=asc", null);
        assertRows(admin, ids(first), "the rows in the API's order");
        assertTrue(admin.driver.getCurrentUrl().contains("sort=ipAddress&order=asc"), admin.driver.getCurrentUrl());

        admin.driver.findElement(By.cssSelector("[data-action='next-page']")).click();
        JsonNode second = apiPage("q=sorter&sort=ipAddress&order=asc", first.path("nextCursor").asText());
        assertEquals(3, second.path("items").size());
        assertRows(admin, ids(second), "the next page continues within the sort (the API's cursor)");

        // By keyboard: the header's button takes Enter; the same column again turns the order around.
        WebElement byUser = admin.driver.findElement(By.cssSelector("button[data-sort='username']"));
        byUser.sendKeys(Keys.ENTER);
        waitForSort(admin, "username", "ascending");
        admin.driver.findElement(By.cssSelector("button[data-sort='username']")).sendKeys(Keys.ENTER);
        waitForSort(admin, "username", "descending");
        assertRows(admin, ids(apiPage("q=sorter&sort=username&order=desc", null)), "Z to A");
        admin.screenshot("sessions-sorted");

        admin.driver.navigate().refresh();
        admin.page("sessions");
        assertEquals("descending", waitForSort(admin, "username", "descending"), "the hash keeps the sort");
        assertEquals("sorter", admin.driver.findElement(By.id("filter-user")).getDomProperty("value"));
        assertRows(admin, ids(apiPage("q=sorter&sort=username&order=desc", null)), "after the reload");
    }

    @Test
    void exportSavesExactlyTheFilteredSessionsAsACsvFile() throws IOException {
        User ida = console.createUser("ida", "USER");
        List<String> fromThere = List.of(
                sessionId(console.warden.clientFrom("127.5.0.1").login(ida.name(), ConsoleFixture.PASSWORD)),
                sessionId(console.warden.clientFrom("127.5.0.1").login(ida.name(), ConsoleFixture.PASSWORD)));
        String elsewhere = sessionId(console.warden.clientFrom("127.5.0.2").login(ida.name(), ConsoleFixture.PASSWORD));
        ConsoleBrowser admin = console.ownerBrowser();
        admin.type(By.id("filter-ip"), "127.5.0.1");
        admin.waitUntil(d -> admin.sessionRows().size() == 2);

        admin.driver.findElement(By.cssSelector("[data-page='sessions'] [data-action='export-csv']")).click();
        Path file = admin.downloaded(DOWNLOAD);
        assertTrue(file.getFileName().toString().endsWith(".csv"), file.toString());
        List<String> lines = lines(file);
        assertEquals(3, lines.size(), "a header and the two filtered sessions: " + lines);
        for (String id : fromThere) {
            assertTrue(lines.stream().anyMatch(line -> line.contains(id)), id + " in " + lines);
        }
        assertFalse(lines.stream().anyMatch(line -> line.contains(elsewhere)), "only what the filter shows");
        assertTrue(admin.flash().startsWith("Exported the filtered sessions"), admin.flash());
    }

    @Test
    void auditExportFollowsTheFilters_andAFailedExportSaysWhy() throws IOException {
        User jan = console.createUser("jan", "USER");
        console.warden.clientFrom("127.5.1.1").login(jan.name(), ConsoleFixture.PASSWORD).token();
        assertEquals(401, console.warden.clientFrom("127.5.1.1").login(jan.name(), "wrong password").status());
        ConsoleBrowser admin = console.ownerBrowser();
        admin.nav("audit");
        admin.page("audit");
        admin.type(By.id("filter-username"), jan.name());
        admin.waitUntil(d -> admin.driver.findElements(By.cssSelector("[data-page='audit'] tbody tr[data-event-id]"))
                .stream().allMatch(row -> row.getText().contains(jan.name())));

        admin.driver.findElement(By.cssSelector("[data-page='audit'] [data-action='export-csv']")).click();
        List<String> lines = lines(admin.downloaded(DOWNLOAD));
        Response api = console.api.get("/api/admin/audit?username=" + jan.name(), console.ownerToken());
        int entries = api.json().path("items").size();
        assertTrue(entries >= 2, "logged in, failed: " + api.body());
        assertEquals(entries + 1, lines.size(), "a header and every entry of the filter: " + lines);
        assertTrue(lines.stream().skip(1).allMatch(line -> line.contains(jan.name())), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains("LOGIN_FAILED")), lines.toString());

        // A filter the server refuses: the export says so instead of saving an error page.
        admin.type(By.id("filter-user"), "not-a-user-id");
        admin.driver.findElement(By.cssSelector("[data-page='audit'] [data-action='export-csv']")).click();
        String error = admin.text(By.cssSelector("#error-banner .message-text"));
        assertFalse(error.isBlank());
        try (var files = Files.list(admin.downloads)) {
            assertEquals(1, files.count(), "no second file");
        }
    }

    @Test
    void theClientIsWhatTheServerParsed_andABotIsMarked() {
        User kit = console.createUser("kit", "USER");
        console.warden.clientFrom("127.6.0.1").login(kit.name(), ConsoleFixture.PASSWORD, Map.of("User-Agent", GOOGLEBOT)).token();
        console.warden.clientFrom("127.6.0.2").login(kit.name(), ConsoleFixture.PASSWORD,
                Map.of("User-Agent", FIREFOX_ON_WINDOWS)).token();
        ConsoleBrowser admin = console.ownerBrowser();
        admin.type(By.id("filter-user"), kit.name());
        admin.waitUntil(d -> admin.sessionRows().size() == 2);

        WebElement bot = row(admin, "127.6.0.1");
        assertEquals("bot", bot.getDomAttribute("data-device"));
        assertEquals("Bot", bot.findElement(By.cssSelector(".badge[data-device='bot']")).getText());
        WebElement firefox = row(admin, "127.6.0.2");
        String client = firefox.findElement(By.cssSelector(".client")).getText();
        assertTrue(client.startsWith("Firefox 128 on Windows"), client);
        assertTrue(client.contains("Desktop"), client);
    }

    // ---- helpers ----

    private static String sortOf(ConsoleBrowser browser, String key) {
        return browser.driver.findElement(By.cssSelector("th[data-sort-key='" + key + "']")).getDomAttribute("aria-sort");
    }

    private static String waitForSort(ConsoleBrowser browser, String key, String direction) {
        return browser.waitUntil(d -> direction.equals(sortOf(browser, key)) ? direction : null);
    }

    private static JsonNode apiPage(String query, String cursor) {
        String path = "/api/admin/sessions?limit=25&" + query
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        Response page = console.api.get(path, console.ownerToken());
        assertEquals(200, page.status(), page.body());
        return page.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** Fails unless the rows come to show exactly {@code expected}, in that order (the list redraws after a click). */
    private static void assertRows(ConsoleBrowser browser, List<String> expected, String message) {
        try {
            browser.waitUntil(d -> shownIds(browser).equals(expected));
        } catch (TimeoutException e) {
            assertEquals(expected, shownIds(browser), message);
        }
    }

    private static List<String> shownIds(ConsoleBrowser browser) {
        return browser.sessionRows().stream().map(r -> r.getDomAttribute("data-session-id")).toList();
    }

    private static String sessionId(Response login) {
        assertEquals(201, login.status(), login.body());
        return login.json().path("session").path("id").asText();
    }

    private static WebElement row(ConsoleBrowser browser, String ip) {
        return browser.sessionRows().stream().filter(r -> r.getText().contains(ip)).findFirst().orElseThrow();
    }

    private static List<String> lines(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    }
}
