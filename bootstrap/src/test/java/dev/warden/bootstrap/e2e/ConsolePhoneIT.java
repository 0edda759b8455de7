package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ConsoleFixture.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console on a phone (390x844) and in dark mode, in a real (headless) Chromium: every row's
 * actions on screen without horizontal scrolling, every page fitting the width, dark colours from
 * {@code prefers-color-scheme}, and axe finding nothing on any page in any of the four
 * combinations. An alarm threshold of 2, so the Alarms page has a row to check.
 */
class ConsolePhoneIT {
    private static final String FIREFOX_ON_ANDROID =
            "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";
    private static final List<String> ADMIN_PAGES = List.of("sessions", "users", "audit", "alarms", "receivers", "account");

    @RegisterExtension
    static final ConsoleFixture console = new ConsoleFixture(Map.of("WARDEN_ALARM_IP_SPREAD_THRESHOLD", "2"));

    @Test
    void atPhoneWidth_eachRowsTerminateIsOnScreen_andEndingOneRemovesIt() {
        User lea = console.createUser("lea", "USER");
        List<String> tokens = List.of(
                login(lea, "127.8.0.1"), login(lea, "127.8.0.1"), login(lea, "127.8.0.1"));
        ConsoleBrowser admin = console.browser().phone();
        admin.logIn(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD);
        admin.type(By.id("filter-ip"), "127.8.0.1");
        List<WebElement> rows = admin.waitUntil(d -> {
            List<WebElement> shown = admin.sessionRows();
            return shown.size() == 3 ? shown : null;
        });
        assertEquals(390L, admin.script("return window.innerWidth;"));
        for (WebElement row : rows) {
            assertOnScreen(admin, row.findElement(By.cssSelector("[data-action='terminate']")));
        }
        assertEquals(0, admin.horizontalOverflow(), "no horizontal scrolling");
        admin.screenshot("sessions-phone");

        rows.getFirst().findElement(By.cssSelector("[data-action='terminate']")).click();
        assertOnScreen(admin, admin.visible(By.id("confirm-ok")));
        admin.assertAccessible("the terminate dialog");
        admin.driver.findElement(By.id("confirm-ok")).click();
        assertTrue(admin.flash().startsWith("Session of " + lea.name() + " terminated"), admin.flash());
        admin.waitUntil(d -> admin.sessionRows().size() == 2);
        assertEquals(1, tokens.stream().filter(t -> console.api.get("/api/auth/session", t).status() == 401).count(),
                "exactly the ended session is gone");
    }

    @Test
    void everyPageFitsAPhone_andAxeFindsNothing_inLightAndDarkMode_atBothWidths() {
        User spread = console.createUser("spread", "USER");
        login(spread, "127.8.1.1", Map.of("User-Agent", FIREFOX_ON_ANDROID));
        login(spread, "127.8.1.2", Map.of("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        User locked = console.createUser("locked", "USER");
        for (int i = 0; i < 10; i++) { // the default lockout threshold
            console.warden.clientFrom("127.8.2.1").login(locked.name(), "wrong password");
        }
        // The alarm (threshold 2) comes through Kafka Streams: wait for it before looking.
        Eventually.await("the IP-spread alarm of " + spread.name(), Duration.ofSeconds(60),
                () -> console.api.get("/api/admin/alarms?status=OPEN", console.ownerToken()).json().path("items").size(),
                open -> open >= 1);

        ConsoleBrowser browser = console.browser();
        for (boolean phone : new boolean[] {true, false}) {
            for (boolean dark : new boolean[] {false, true}) {
                if (phone) {
                    browser.phone();
                } else {
                    browser.desktop();
                }
                browser.colorScheme(dark);
                browser.openConsole();
                if (browser.driver.findElements(By.id("logout")).stream().noneMatch(WebElement::isDisplayed)) {
                    browser.logInOnThisPage(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD); // checks the login page
                }
                for (String name : ADMIN_PAGES) {
                    browser.nav(name);
                    browser.page(name); // axe, once per page, width and scheme
                    browser.tableLoaded();
                    assertEquals(0, browser.horizontalOverflow(), name + (phone ? " on a phone" : "") + " scrolls sideways");
                    for (WebElement action : browser.driver.findElements(By.cssSelector("td.actions button, td.actions a"))) {
                        if (phone && action.isDisplayed()) {
                            assertOnScreen(browser, action);
                        }
                    }
                    if (phone && dark && name.equals("audit")) {
                        browser.screenshot("audit-phone-dark");
                    }
                }
                browser.driver.findElement(By.id("logout")).click();
                browser.page("login"); // logged out: the login page, checked too
            }
        }
    }

    @Test
    void darkModeFollowsTheSystemSetting() {
        ConsoleBrowser browser = console.browser().colorScheme(true);
        browser.logIn(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD);
        double darkBackground = luminance(browser, "document.body");
        double darkText = luminance(browser, "document.querySelector('h1')", "color");
        assertTrue(darkBackground < 0.05, "a dark page background, luminance " + darkBackground);
        assertTrue(darkText > 0.6, "light text, luminance " + darkText);
        double darkTable = luminance(browser, "document.querySelector('.table-wrap')");
        assertTrue(darkTable < 0.05, "dark tables too, luminance " + darkTable);
        browser.screenshot("sessions-dark");

        browser.colorScheme(false);
        double lightBackground = luminance(browser, "document.body");
        assertTrue(lightBackground > 0.85, "the light page background again, luminance " + lightBackground);
    }

    // ---- helpers ----

    private static String login(User user, String address) {
        return login(user, address, Map.of());
    }

    private static String login(User user, String address, Map<String, String> headers) {
        return console.warden.clientFrom(address).login(user.name(), ConsoleFixture.PASSWORD, headers).token();
    }

    /** The element lies wholly inside the viewport's width: no sideways scrolling needed to reach it. */
    private static void assertOnScreen(ConsoleBrowser browser, WebElement element) {
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) browser.script(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return {left: r.left, right: r.right, width: window.innerWidth};", element);
        assertTrue(box.get("left").doubleValue() >= 0 && box.get("right").doubleValue() <= box.get("width").doubleValue(),
                element.getText() + " lies at " + box + ", outside the " + box.get("width") + " px viewport");
    }

    /** The relative luminance (WCAG) of an element's computed colour, 0 (black) to 1 (white). */
    private static double luminance(ConsoleBrowser browser, String element) {
        return luminance(browser, element, "background-color");
    }

    private static double luminance(ConsoleBrowser browser, String element, String property) {
        // The body's own background is transparent: the colour then comes from the root.
        String rgb = (String) browser.script("let el = " + element + "; let c = getComputedStyle(el)['" + property + "'];"
                + " while (c === 'rgba(0, 0, 0, 0)' && el.parentElement) { el = el.parentElement; c = getComputedStyle(el)['" + property + "']; }"
                + " return c;");
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] channel = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    }
}
