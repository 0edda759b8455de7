package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ConsoleFixture.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Accounts over their life in the console, in a real (headless) Chromium against the whole
 * service: My account (own sessions, other devices, own password) for every role, and the Users
 * page's Disable / Enable, Change role and Reset password, offered only where the caller may.
 */
class ConsoleAccountLifecycleIT {
    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String NEW_PASSWORD = "a console reset passphrase";

    @RegisterExtension
    static final ConsoleFixture console = new ConsoleFixture();

    // ---- My account ----

    @Test
    void aUserSeesTheirSessionsWithThisDeviceEndsOneAndLogsOutTheOtherDevices() {
        User olga = console.createUser("olga", "USER");
        String phone = console.warden.clientFrom("127.0.0.8")
                .login(olga.name(), ConsoleFixture.PASSWORD, Map.of("User-Agent", FIREFOX_ON_WINDOWS)).token();
        String tablet = console.warden.clientFrom("127.0.0.9").login(olga.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser browser = console.browser();
        browser.openConsole();
        browser.logInOnThisPage(olga.name(), ConsoleFixture.PASSWORD, "account");

        List<WebElement> rows = ownRows(browser, 3);
        assertEquals("true", rows.getFirst().getAttribute("data-current"), "this device comes first");
        assertTrue(rows.getFirst().getText().contains("This device"), rows.getFirst().getText());
        assertEquals(1, rows.stream().filter(r -> r.getText().contains("This device")).count());
        WebElement firefox = rowFrom(rows, "127.0.0.8");
        assertTrue(firefox.getText().startsWith("Firefox 128 on Windows"), firefox.getText());
        browser.screenshot("my-account");

        firefox.findElement(By.cssSelector("[data-action='end-session']")).click();
        String dialog = browser.text(By.id("confirm-dialog"));
        assertTrue(dialog.contains("127.0.0.8") && dialog.contains("ends immediately"), dialog);
        browser.driver.findElement(By.id("confirm-ok")).click();
        assertFlash(browser, "Session ended.");
        ownRows(browser, 2);
        assertEquals(401, console.api.get("/api/auth/session", phone).status());

        browser.driver.findElement(By.cssSelector("[data-action='logout-others']")).click();
        assertTrue(browser.text(By.id("confirm-dialog")).contains("Your 1 other session ends immediately"));
        browser.driver.findElement(By.id("confirm-ok")).click();
        assertFlash(browser, "1 other session ended.");
        List<WebElement> left = ownRows(browser, 1);
        assertEquals("true", left.getFirst().getAttribute("data-current"));
        assertEquals(401, console.api.get("/api/auth/session", tablet).status());
        assertFalse(browser.driver.findElement(By.cssSelector("[data-action='logout-others']")).isEnabled(),
                "no other device is left to log out");

        left.getFirst().findElement(By.cssSelector("[data-action='end-session']")).click();
        assertTrue(browser.text(By.id("confirm-dialog")).contains("you will be logged out"));
        browser.driver.findElement(By.id("confirm-ok")).click();
        browser.page("login");
        assertEquals("You have logged out.", browser.text(By.id("login-message")));
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOneFollowsTheRulesAndLogsOutOnlyTheOtherDevices() {
        User pavel = console.createUser("pavel", "USER");
        String phone = console.api.login(pavel.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser browser = console.browser();
        browser.openConsole();
        browser.logInOnThisPage(pavel.name(), ConsoleFixture.PASSWORD, "account");
        ownRows(browser, 2);
        // The lengths come from the server's policy (GET /api/auth/password-policy), shown before submitting.
        browser.waitUntil(d -> browser.text(By.id("own-new-password-rules")).contains("At least 12 characters, at most 128."));

        browser.type(By.id("own-current-password"), "not my password at all");
        browser.type(By.id("own-new-password"), NEW_PASSWORD);
        browser.driver.findElement(By.id("change-password-submit")).click();
        assertTrue(browser.text(By.id("change-password-error")).startsWith("The current password is wrong"),
                browser.text(By.id("change-password-error")));
        assertEquals(browser.driver.findElement(By.id("own-current-password")), browser.focused());

        browser.type(By.id("own-current-password"), ConsoleFixture.PASSWORD);
        browser.type(By.id("own-new-password"), "too short");
        browser.driver.findElement(By.id("change-password-submit")).click();
        browser.waitUntil(d -> browser.text(By.id("change-password-error")).contains("at least 12 characters"));
        assertEquals("true", browser.driver.findElement(By.id("own-new-password")).getAttribute("aria-invalid"));
        browser.script("document.getElementById('change-password-form').scrollIntoView({block: 'center'});");
        browser.screenshot("change-password-error");

        browser.type(By.id("own-new-password"), NEW_PASSWORD);
        browser.driver.findElement(By.id("change-password-submit")).click();

        assertFlash(browser, "Password changed. Your other devices have been logged out; this one stays logged in.");
        ownRows(browser, 1);
        assertEquals(401, console.api.get("/api/auth/session", phone).status());
        assertEquals(401, console.api.login(pavel.name(), ConsoleFixture.PASSWORD).status());
        assertEquals(201, console.api.login(pavel.name(), NEW_PASSWORD).status());
        browser.driver.navigate().refresh();
        browser.page("account"); // this device stayed logged in
    }

    // ---- Users: disable, enable, role, reset ----

    @Test
    void disablingFromTheUsersMenuEndsEverySessionAndEnablingLetsTheUserBackIn() {
        User quinn = console.createUser("quinn", "USER");
        List<String> tokens = List.of(console.api.login(quinn.name(), ConsoleFixture.PASSWORD).token(),
                console.api.login(quinn.name(), ConsoleFixture.PASSWORD).token());
        ConsoleBrowser admin = usersPage(console.ownerBrowser());

        menuItem(admin, quinn.name(), "disable").click();
        String dialog = admin.text(By.id("confirm-dialog"));
        assertTrue(dialog.contains("All 2 active sessions of " + quinn.name() + " end immediately"), dialog);
        assertTrue(dialog.contains("cannot log in until the account is enabled again"), dialog);
        admin.screenshot("users-disable-dialog");
        admin.driver.findElement(By.id("confirm-ok")).click();

        assertFlash(admin, quinn.name() + " disabled; 2 sessions ended.");
        admin.waitUntil(d -> userRow(admin, quinn.name()).getText().contains("DISABLED"));
        for (String token : tokens) {
            assertEquals(401, console.api.get("/api/auth/session", token).status());
        }
        assertEquals(401, console.api.login(quinn.name(), ConsoleFixture.PASSWORD).status());
        assertTrue(menuItems(admin, quinn.name()).contains("enable"));
        assertFalse(menuItems(admin, quinn.name()).contains("disable"));

        menuItem(admin, quinn.name(), "enable").click();
        assertTrue(admin.text(By.id("confirm-dialog")).contains("can log in again"));
        admin.driver.findElement(By.id("confirm-ok")).click();
        assertFlash(admin, quinn.name() + " enabled. They can log in again.");
        admin.waitUntil(d -> userRow(admin, quinn.name()).getText().contains("ACTIVE"));
        assertEquals(201, console.api.login(quinn.name(), ConsoleFixture.PASSWORD).status());
    }

    @Test
    void resetPasswordShowsTheRulesRefusesAWeakOneAndThenLocksOutTheOldPassword() {
        User rita = console.createUser("rita", "USER");
        String token = console.api.login(rita.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser admin = usersPage(console.ownerBrowser());

        menuItem(admin, rita.name(), "reset-password").click();
        admin.waitUntil(d -> Boolean.TRUE.equals(admin.script("return document.getElementById('password-dialog').open;")));
        // The lengths come from the server's policy (GET /api/auth/password-policy), shown before submitting.
        admin.waitUntil(d -> admin.text(By.id("password-dialog-rules")).contains("At least 12 characters, at most 128."));
        assertTrue(admin.text(By.id("password-dialog-message")).contains("The only active session of " + rita.name() + " ends immediately"),
                admin.text(By.id("password-dialog-message")));
        assertEquals(admin.driver.findElement(By.id("password-dialog-input")), admin.focused());
        admin.type(By.id("password-dialog-input"), rita.name() + " is my name");
        admin.driver.findElement(By.id("password-dialog-ok")).click();
        assertEquals("Password must not contain the username.", admin.text(By.id("password-dialog-error")));
        assertEquals(200, console.api.get("/api/auth/session", token).status(), "a refused reset changes nothing");
        admin.screenshot("reset-password-dialog");

        admin.type(By.id("password-dialog-input"), NEW_PASSWORD);
        admin.driver.findElement(By.id("password-dialog-ok")).click();

        assertFlash(admin, "Password of " + rita.name() + " reset; 1 session ended.");
        assertFalse(Boolean.TRUE.equals(admin.script("return document.getElementById('password-dialog').open;")));
        assertEquals("", admin.driver.findElement(By.id("password-dialog-input")).getDomProperty("value"),
                "the password does not linger in the page");
        assertEquals(401, console.api.get("/api/auth/session", token).status());
        assertEquals(401, console.api.login(rita.name(), ConsoleFixture.PASSWORD).status());
        assertEquals(201, console.api.login(rita.name(), NEW_PASSWORD).status());
    }

    @Test
    void theOwnerChangesRolesAndAnAdminIsOfferedOnlyWhatAnAdminMayDo() {
        User sam = console.createUser("sam", "USER");
        User tess = console.createUser("tess", "USER");
        ConsoleBrowser owner = usersPage(console.ownerBrowser());
        assertEquals(Set.of("logout-all", "view-sessions", "view-audit"), menuItems(owner, RunningWarden.OWNER),
                "the owner: no disable, no role change, and no reset of their own (My account changes it)");

        menuItem(owner, sam.name(), "change-role").click();
        String dialog = owner.text(By.id("confirm-dialog"));
        assertTrue(dialog.contains("Make " + sam.name() + " an ADMIN?"), dialog);
        assertTrue(dialog.contains("Their sessions stay logged in; the new role applies from their next request."),
                dialog);
        owner.driver.findElement(By.id("confirm-ok")).click();
        assertFlash(owner, sam.name() + " is now ADMIN.");
        owner.waitUntil(d -> userRow(owner, sam.name()).getText().contains("ADMIN"));

        ConsoleBrowser admin = console.browser();
        admin.logIn(sam.name(), ConsoleFixture.PASSWORD); // an ADMIN now: lands on Sessions
        usersPage(admin);
        assertEquals(Set.of("logout-all", "view-sessions", "view-audit"), menuItems(admin, RunningWarden.OWNER));
        assertEquals(Set.of("logout-all", "view-sessions", "view-audit"), menuItems(admin, sam.name()),
                "an ADMIN account, even their own, is the owner's to manage");
        assertEquals(Set.of("logout-all", "disable", "reset-password", "view-sessions", "view-audit"),
                menuItems(admin, tess.name()), "USERs are any administrator's to manage, but not to promote");
        Set<String> roles = admin.driver.findElements(By.cssSelector("#new-role option")).stream()
                .map(o -> o.getDomProperty("value")).collect(Collectors.toSet());
        assertEquals(Set.of("USER"), roles, "only the owner creates ADMINs");
    }

    @Test
    void aStaleSessionIsAskedForThePasswordBeforePromoting_andTheActionThenCompletes() {
        User uma = console.createUser("uma", "USER");
        ConsoleBrowser owner = usersPage(console.ownerBrowser());
        console.warden.clock.advance(Duration.ofMinutes(16)); // past WARDEN_REAUTH_WINDOW, within the idle timeout

        menuItem(owner, uma.name(), "change-role").click();
        owner.driver.findElement(By.id("confirm-ok")).click();
        WebElement password = owner.waitUntil(d -> {
            WebElement input = d.findElement(By.id("reauth-dialog-input"));
            return input.isDisplayed() ? input : null;
        });
        assertTrue(owner.text(By.id("reauth-dialog")).contains("needs your password again"));
        password.sendKeys("not my password at all");
        owner.driver.findElement(By.id("reauth-dialog-ok")).click();
        owner.waitUntil(d -> d.findElement(By.id("reauth-dialog-error")).isDisplayed());
        assertTrue(owner.text(By.id("reauth-dialog-error")).contains("not right"));
        assertTrue(userRow(owner, uma.name()).getText().contains("USER"), "nothing changed yet");

        password.clear();
        password.sendKeys(RunningWarden.OWNER_PASSWORD);
        owner.driver.findElement(By.id("reauth-dialog-ok")).click();

        assertFlash(owner, uma.name() + " is now ADMIN.");
        owner.waitUntil(d -> userRow(owner, uma.name()).getText().contains("ADMIN"));
        assertFalse(owner.driver.findElement(By.id("reauth-dialog")).isDisplayed());
    }

    // ---- helpers ----

    private static ConsoleBrowser usersPage(ConsoleBrowser browser) {
        browser.nav("users");
        browser.page("users");
        browser.tableLoaded();
        return browser;
    }

    /** My account's rows, once there are exactly {@code count}. */
    private static List<WebElement> ownRows(ConsoleBrowser browser, int count) {
        return browser.waitUntil(d -> {
            browser.tableLoaded();
            List<WebElement> rows = d.findElements(By.cssSelector("[data-own-session-id]"));
            return rows.size() == count ? rows : null;
        });
    }

    private static WebElement rowFrom(List<WebElement> rows, String ip) {
        return rows.stream().filter(r -> r.findElement(By.cssSelector("td.mono")).getText().equals(ip))
                .findFirst().orElseThrow(() -> new AssertionError("no session from " + ip));
    }

    /** Waits for this message (a previous one may still show). */
    private static void assertFlash(ConsoleBrowser browser, String expected) {
        try {
            browser.waitUntil(d -> expected.equals(browser.flash()));
        } catch (RuntimeException e) {
            assertEquals(expected, browser.flash());
            throw e;
        }
    }

    /** The user's row, alone in the list: searched with Enter, which applies at once. */
    private static WebElement userRow(ConsoleBrowser browser, String username) {
        WebElement search = browser.visible(By.id("filter-user"));
        if (!username.equals(search.getDomProperty("value"))) {
            browser.type(By.id("filter-user"), username);
            search.sendKeys(Keys.ENTER);
        }
        return browser.waitUntil(d -> {
            browser.tableLoaded();
            List<WebElement> rows = d.findElements(By.cssSelector("[data-user-id]"));
            return rows.size() == 1 && username.equals(rows.getFirst().getAttribute("data-username"))
                    ? rows.getFirst() : null;
        });
    }

    /** Opens the row's Actions menu and returns the item. */
    private static WebElement menuItem(ConsoleBrowser browser, String username, String action) {
        userRow(browser, username).findElement(By.cssSelector("[data-action='actions-menu']")).click();
        return browser.visible(By.cssSelector("[data-username='" + username + "'] [role='menu'] [data-action='" + action + "']"));
    }

    /** The actions the row's menu offers (opened and closed again). */
    private static Set<String> menuItems(ConsoleBrowser browser, String username) {
        WebElement row = userRow(browser, username);
        WebElement button = row.findElement(By.cssSelector("[data-action='actions-menu']"));
        button.click();
        browser.visible(By.cssSelector("[data-username='" + username + "'] [role='menu']"));
        Set<String> actions = row.findElements(By.cssSelector("[role='menu'] [role='menuitem']")).stream()
                .map(item -> item.getAttribute("data-action")).collect(Collectors.toSet());
        button.click(); // closes it again
        return actions;
    }
}
