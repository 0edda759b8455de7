package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ConsoleFixture.User;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's Users, Auth Audit and Alarms pages in a real (headless) Chromium against the
 * whole running service, Kafka and the alarm topology included.
 */
class ConsoleAdminPagesIT {
    @RegisterExtension
    static final ConsoleFixture console = new ConsoleFixture();

    @Test
    void logoutAllDevicesEndsEverySessionOfTheUserInBrowserAndApi() {
        User dana = console.createUser("dana", "USER");
        List<String> tokens = List.of(console.api.login(dana.name(), ConsoleFixture.PASSWORD).token(),
                console.api.login(dana.name(), ConsoleFixture.PASSWORD).token());
        ConsoleBrowser danas = console.browser();
        danas.openConsole();
        danas.logInOnThisPage(dana.name(), ConsoleFixture.PASSWORD, "account"); // a USER-role account
        ConsoleBrowser admin = console.ownerBrowser();

        admin.nav("users");
        admin.page("users");
        assertEquals("Admin > Identity > Users", admin.text(By.cssSelector("[data-page='users'] .breadcrumb"))
                .replaceAll("\\s+", " ").trim());
        WebElement row = userRow(admin, dana.name());
        assertEquals("3", row.findElements(By.tagName("td")).get(3).getText(), "active sessions");
        admin.screenshot("users");

        row.findElement(By.cssSelector("[data-action='actions-menu']")).click();
        WebElement logoutAll = admin.visible(By.cssSelector(
                "[data-username='" + dana.name() + "'] [role='menu'] [data-action='logout-all']"));
        assertEquals(logoutAll, admin.focused(), "the menu opens with focus on its first item");
        admin.screenshot("users-actions-menu");
        logoutAll.click();
        String dialog = admin.text(By.id("confirm-dialog"));
        assertTrue(dialog.contains("All 3 active sessions of " + dana.name() + " end immediately"), dialog);
        admin.driver.findElement(By.id("confirm-ok")).click();

        assertEquals("3 sessions terminated for " + dana.name() + ".", admin.flash());
        admin.waitUntil(d -> userRow(admin, dana.name()).findElements(By.tagName("td")).get(3).getText().equals("0"));
        for (String token : tokens) {
            assertEquals(401, console.api.get("/api/auth/session", token).status());
        }
        // Their next click (Refresh on My account, where a USER lands) meets the 401.
        danas.driver.findElement(By.cssSelector("[data-page='account'] [data-action='refresh']")).click();
        danas.page("login");
        assertEquals("Your session has ended. Please log in again.", danas.text(By.id("login-message")));

        admin.nav("audit");
        admin.page("audit");
        WebElement event = admin.waitUntil(d -> d.findElements(By.cssSelector("[data-event-id]")).stream()
                .filter(r -> r.getText().contains("USER_SESSIONS_TERMINATED") && r.getText().contains(dana.name()))
                .findFirst().orElse(null));
        assertTrue(event.getText().contains(RunningWarden.OWNER), "the audit names who did it: " + event.getText());
        admin.screenshot("audit");
    }

    @Test
    void anElevenCharacterPasswordIsRefusedWithTheRuleAndALongerOneCreatesTheUser() {
        ConsoleBrowser admin = console.ownerBrowser();
        admin.nav("users");
        admin.page("users");
        admin.tableLoaded();
        // The lengths come from the server's policy (GET /api/auth/password-policy), shown before submitting.
        admin.waitUntil(d -> admin.text(By.id("password-rules")).contains("At least 12 characters, at most 128."));
        String username = "erin";

        admin.type(By.id("new-username"), username);
        admin.type(By.id("new-password"), "kettle-moon"); // 11 characters
        admin.driver.findElement(By.id("create-user-submit")).click();

        assertEquals("Password must be at least 12 characters long (it has 11).",
                admin.text(By.id("create-user-error")));
        WebElement password = admin.driver.findElement(By.id("new-password"));
        assertEquals("true", password.getAttribute("aria-invalid"));
        assertEquals(password, admin.focused(), "focus goes to the field to fix");
        assertTrue(admin.driver.findElements(By.cssSelector("[data-username='" + username + "']")).isEmpty());
        admin.script("document.getElementById('create-user-form').scrollIntoView({block: 'center'});");
        admin.screenshot("create-user-error");

        admin.type(By.id("new-password"), "kettle-moon-river");
        admin.driver.findElement(By.id("create-user-submit")).click();

        assertEquals("User " + username + " created.", admin.flash());
        assertFalse(admin.driver.findElement(By.id("create-user-error")).isDisplayed());
        WebElement row = userRow(admin, username);
        assertTrue(row.getText().contains("USER"), row.getText());
        assertEquals(201, console.api.login(username, "kettle-moon-river").status(), "the new account can log in");
    }

    @Test
    void loginsFromFourAddressesRaiseAnAlarmThatCanBeAcknowledgedAndLeadsToTheSessions() {
        User spread = console.createUser("spread", "USER");
        for (int i = 2; i <= 5; i++) {
            console.warden.clientFrom("127.0.0." + i).login(spread.name(), ConsoleFixture.PASSWORD).token();
        }
        ConsoleBrowser admin = console.ownerBrowser();
        admin.nav("alarms");
        admin.page("alarms");

        // The alarm travels outbox -> Kafka -> topology -> consumer; Refresh (twice a second) until it arrives.
        admin.waitUntil(Duration.ofSeconds(20), Duration.ofMillis(500), d -> {
            admin.tableLoaded();
            if (alarmRow(admin, spread.name()) != null) {
                return true;
            }
            d.findElement(By.cssSelector("[data-action='refresh']")).click();
            return false;
        });
        WebElement alarm = alarmRow(admin, spread.name());
        assertTrue(alarm.getText().contains("IP spread"), alarm.getText());
        assertTrue(alarm.getText().contains("4 distinct IPs"), alarm.getText());
        assertTrue(alarm.getText().contains("Open"), alarm.getText());
        assertTrue(alarm.getText().contains("Not yet"), alarm.getText());
        List<String> addresses = alarm.findElements(By.cssSelector("[data-action='view-ip-sessions']")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"), addresses, "the alarm names its IPs");
        admin.screenshot("alarms");

        alarm.findElement(By.cssSelector("[data-action='acknowledge']")).click();
        assertEquals("Alarm for " + spread.name() + " acknowledged.", admin.flash());
        WebElement acknowledged = admin.waitUntil(d -> {
            WebElement row = alarmRow(admin, spread.name());
            return row != null && row.getText().contains("by " + RunningWarden.OWNER) ? row : null;
        });
        assertTrue(acknowledged.findElements(By.cssSelector("[data-action='acknowledge']")).isEmpty());

        acknowledged.findElement(By.cssSelector("[data-action='view-sessions']")).click();
        admin.page("sessions");
        assertTrue(admin.driver.getCurrentUrl().endsWith("#/sessions?userId=" + spread.id()),
                admin.driver.getCurrentUrl());
        admin.waitUntil(d -> admin.text(By.id("user-filter")).contains("Showing sessions of user " + spread.name()));
        List<WebElement> rows = admin.sessionRows();
        Set<String> ips = rows.stream().map(r -> r.findElement(By.cssSelector("td.mono")).getText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"), ips);
        assertTrue(rows.stream().allMatch(r -> r.getText().startsWith(spread.name())));

        admin.nav("alarms");
        admin.page("alarms");
        WebElement address = admin.waitUntil(d -> {
            admin.tableLoaded();
            return d.findElements(By.cssSelector("[data-alarm-id] [data-ip='127.0.0.3']")).stream().findFirst()
                    .orElse(null);
        });
        address.click();
        admin.page("sessions");
        assertTrue(admin.driver.getCurrentUrl().endsWith("#/sessions?ip=127.0.0.3"), admin.driver.getCurrentUrl());
        assertEquals("127.0.0.3", admin.driver.findElement(By.id("filter-ip")).getDomProperty("value"));
        List<WebElement> fromThatIp = admin.waitUntil(d -> {
            List<WebElement> found = admin.sessionRows();
            return found.size() == 1 ? found : null;
        });
        assertTrue(fromThatIp.getFirst().getText().startsWith(spread.name()), fromThatIp.getFirst().getText());
        assertEquals("127.0.0.3", fromThatIp.getFirst().findElement(By.cssSelector("td.mono")).getText());
    }

    @Test
    void theAuditFiltersByANameAndSeveralTypesPagesByCursorAndShowsALockInLocalTime() {
        User target = console.createUser("mallory", "USER");
        User bystander = console.createUser("trent", "USER");
        console.api.login(target.name(), ConsoleFixture.PASSWORD).token(); // LOGIN_SUCCEEDED: not a chosen type
        // From an address of their own, so the per-address throttle never steps in.
        ApiClient attacker = console.warden.clientFrom("127.0.0.7");
        for (int i = 0; i < 10; i++) { // the default lockout threshold: the tenth locks the account
            assertEquals(401, attacker.login(target.name(), "not the password " + i).status());
        }
        for (int i = 0; i < 16; i++) { // refused while locked: LOGIN_REJECTED_LOCKED
            assertEquals(401, attacker.login(target.name(), "still not it " + i).status());
        }
        assertEquals(401, attacker.login(bystander.name(), "not theirs").status()); // another name: filtered out
        String reason = console.api.get("/api/admin/audit?type=ACCOUNT_LOCKED&username=" + target.name(),
                console.ownerToken()).json().path("items").get(0).path("reason").asText();
        String lockedUntil = reason.substring("locked until ".length());
        assertEquals("locked until " + Instant.parse(lockedUntil), reason, "the reason names an instant");

        ConsoleBrowser admin = console.ownerBrowser();
        admin.nav("audit");
        admin.page("audit");
        admin.tableLoaded();
        admin.type(By.id("filter-username"), target.name().toUpperCase(Locale.ROOT)); // any case
        admin.driver.findElement(By.id("filter-type-summary")).click();
        for (String type : List.of("LOGIN_FAILED", "ACCOUNT_LOCKED")) {
            admin.driver.findElement(By.cssSelector("#filter-type input[value='" + type + "']")).click();
        }
        assertEquals("2 event types", admin.text(By.id("filter-type-summary")));

        List<WebElement> rows = auditRows(admin, 11);
        for (WebElement row : rows) {
            assertEquals(target.name(), row.findElement(By.cssSelector("td.audit-user")).getText());
            assertTrue(Set.of("LOGIN_FAILED", "ACCOUNT_LOCKED").contains(row.getDomAttribute("data-type")), row.getText());
            assertEquals("127.0.0.7", row.findElement(By.cssSelector("td.mono")).getText());
        }
        assertEquals("Showing 1–11 of 11", admin.text(By.cssSelector(".pager-status")));
        WebElement lock = rows.stream().filter(r -> "ACCOUNT_LOCKED".equals(r.getDomAttribute("data-type")))
                .findFirst().orElseThrow();
        WebElement shown = lock.findElement(By.cssSelector("td.audit-reason > span"));
        assertEquals(reason, shown.getDomAttribute("title"), "the reason as recorded stays at hand");
        assertEquals(lockedUntil, shown.findElement(By.tagName("time")).getDomAttribute("datetime"));
        String readable = shown.getText();
        assertTrue(readable.startsWith("locked until ") && !readable.contains(lockedUntil)
                && readable.contains(String.valueOf(Instant.parse(lockedUntil).atZone(ZoneOffset.UTC).getYear())),
                "a local time with its zone instead of " + lockedUntil + ": " + readable);
        admin.driver.findElement(By.id("page-heading")).click(); // folds the type picker away
        assertFalse(admin.driver.findElement(By.cssSelector("#filter-type input[value='LOGIN_FAILED']")).isDisplayed());
        admin.screenshot("audit-filters");

        // The refused attempts too: 27 entries, 25 a page; the next page comes by cursor, and back.
        admin.driver.findElement(By.id("filter-type-summary")).click();
        admin.driver.findElement(By.cssSelector("#filter-type input[value='LOGIN_REJECTED_LOCKED']")).click();
        List<WebElement> first = auditRows(admin, 25);
        assertEquals("Showing 1–25 of 27", admin.text(By.cssSelector(".pager-status")));
        assertEquals("LOGIN_REJECTED_LOCKED", first.getFirst().getDomAttribute("data-type"), "newest first");
        List<String> firstIds = first.stream().map(r -> r.getDomAttribute("data-event-id")).toList();
        admin.driver.findElement(By.id("page-heading")).click(); // folds the type picker away
        admin.driver.findElement(By.cssSelector("[data-action='next-page']")).click();
        List<WebElement> second = auditRows(admin, 2);
        assertEquals("Showing 26–27 of 27", admin.text(By.cssSelector(".pager-status")));
        assertTrue(second.stream().allMatch(r -> "LOGIN_FAILED".equals(r.getDomAttribute("data-type"))),
                "the oldest two are the first failures");
        assertTrue(admin.driver.findElement(By.cssSelector("[data-action='next-page']")).getDomProperty("disabled")
                .equals("true"));
        admin.driver.findElement(By.cssSelector("[data-action='prev-page']")).click();
        assertEquals(firstIds, auditRows(admin, 25).stream().map(r -> r.getDomAttribute("data-event-id")).toList());
        assertTrue(admin.driver.getCurrentUrl().contains("username=" + target.name().toUpperCase(Locale.ROOT))
                && admin.driver.getCurrentUrl().contains("type=LOGIN_REJECTED_LOCKED"),
                "the address keeps the filters: " + admin.driver.getCurrentUrl());
    }

    @Test
    void withoutAPublicUrlTheReceiversPageSaysSharedSignalsIsNotConfigured() {
        ConsoleBrowser admin = console.ownerBrowser();
        admin.nav("receivers");
        admin.page("receivers");
        WebElement off = admin.visible(By.cssSelector("[data-page='receivers'] [data-ssf='off']"));
        assertTrue(off.getText().contains("Shared Signals is not configured"), off.getText());
        assertTrue(off.getText().contains("WARDEN_PUBLIC_URL"), off.getText());
        assertFalse(admin.driver.findElement(By.id("error-banner")).isDisplayed(), "a switched-off feature is no error");
        assertTrue(admin.driver.findElements(By.id("register-receiver-form")).isEmpty());
    }

    // ---- helpers ----

    /** The Auth Audit page's rows once it shows exactly {@code count} of them. */
    private static List<WebElement> auditRows(ConsoleBrowser browser, int count) {
        return browser.waitUntil(d -> {
            browser.tableLoaded();
            List<WebElement> rows = d.findElements(By.cssSelector("[data-event-id]"));
            return rows.size() == count ? rows : null;
        });
    }

    /** The user's row on the Users page, once the list shows it. */
    private static WebElement userRow(ConsoleBrowser browser, String username) {
        return browser.waitUntil(d -> {
            browser.tableLoaded();
            return d.findElements(By.cssSelector("[data-username='" + username + "']")).stream().findFirst()
                    .orElse(null);
        });
    }

    /** An open alarm row of that user, or null. */
    private static WebElement alarmRow(ConsoleBrowser browser, String username) {
        return browser.driver.findElements(By.cssSelector("[data-alarm-id]")).stream()
                .filter(r -> r.findElement(By.cssSelector("td .strong")).getText().equals(username))
                .filter(r -> r.getText().contains("Open"))
                .findFirst().orElse(null);
    }
}
