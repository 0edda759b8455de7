package dev.warden.bootstrap.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, with its own throwaway profile (so its own cookie jar), driving
 * the console of a {@link RunningWarden} through the console's stable test hooks.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Where every run's screenshots go (failsafe runs in bootstrap/): build output, never the source tree. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** The system property that makes {@link #screenshot} refresh the documented screenshots in docs/console. */
    static final String REFRESH_PROPERTY = "warden.screenshots.refresh";

    /** A phone's viewport (an iPhone 12 to 15 in CSS pixels): the console's narrowest supported layout. */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    final ChromeDriver driver;
    private final Path profile;
    /** Where this browser saves downloads (the console's CSV exports). */
    final Path downloads;
    private final String baseUrl;
    /** What {@link #page} has already run axe on: page name, width and colour scheme. */
    private final Set<String> checkedForAccessibility = new HashSet<>();
    private boolean phone;
    private boolean dark;

    static {
        // The driver path is given explicitly, so Selenium Manager never runs; should it ever,
        // the Java binding hands SE_* system properties to it as environment variables.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("SE_OFFLINE", "true");
    }

    private ConsoleBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("warden-chromium-");
            this.downloads = Files.createDirectories(profile.resolve("downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // The browser's console log, to see Content-Security-Policy violations and failed loads.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            this.driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
    }

    /** Fails (never skips) when the browser is missing: CI is meant to have it. */
    static void requireInstalled() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing, so the console's browser tests cannot run. "
                        + ".ci/run installs it with apt-get (apt-get install -y chromium chromium-driver).");
            }
        }
    }

    static ConsoleBrowser open(String baseUrl) {
        return new ConsoleBrowser(baseUrl);
    }

    // ---- navigation and waiting ----

    void openConsole() {
        driver.get(baseUrl + "/");
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(WAIT, condition);
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return waitUntil(timeout, Duration.ofMillis(100), condition);
    }

    <T> T waitUntil(Duration timeout, Duration pollEvery, Function<WebDriver, T> condition) {
        // Lists redraw while we look at them: a row gone stale just means "look again".
        return new WebDriverWait(driver, timeout, pollEvery)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits for the page and, the first time this browser shows it at this width and in this colour
     * scheme, checks it with axe ({@link Accessibility}): every page a browser test visits is checked.
     */
    WebElement page(String name) {
        WebElement page = visible(By.cssSelector("[data-page='" + name + "']"));
        if (checkedForAccessibility.add(name + (phone ? "@phone" : "@desktop") + (dark ? "-dark" : "-light"))) {
            tableLoaded();
            assertAccessible("the " + name + " page");
        }
        return page;
    }

    /** Fails listing every axe violation on what the browser shows now; {@code where} names it in the message. */
    void assertAccessible(String where) {
        Accessibility.assertNoViolations(driver, where + (phone ? " at " + PHONE_WIDTH + " px" : " at desktop width")
                + (dark ? ", dark mode" : ""));
    }

    // ---- viewport and colour scheme (Chrome DevTools Protocol emulation) ----

    /** A 390x844 phone viewport (mobile, so the page's meta viewport applies) until {@link #desktop}. */
    ConsoleBrowser phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        phone = true;
        return this;
    }

    /** Back to the window's own size (1280x900). */
    ConsoleBrowser desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        phone = false;
        return this;
    }

    /** The system setting the console's dark mode follows: {@code prefers-color-scheme: dark} or light. */
    ConsoleBrowser colorScheme(boolean darkScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", darkScheme ? "dark" : "light"))));
        dark = darkScheme;
        return this;
    }

    /**
     * How far the document is wider than the viewport, in CSS pixels: 0 when nothing scrolls sideways
     * (measured against the width inside a vertical scroll bar, where a desktop browser shows one).
     */
    long horizontalOverflow() {
        return ((Number) script("const root = document.documentElement;"
                + " return Math.max(0, root.scrollWidth - Math.min(window.innerWidth, root.clientWidth));")).longValue();
    }

    /** A file of {@link #downloads} once its download finished (Chromium writes *.crdownload until then). */
    Path downloaded(Duration timeout) {
        return waitUntil(timeout, d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The page's table once its "Loading…" row is gone. */
    void tableLoaded() {
        waitUntil(d -> d.findElements(By.cssSelector(".table-loading")).isEmpty());
    }

    void nav(String name) {
        driver.findElement(By.cssSelector("[data-nav='" + name + "']")).click();
    }

    /** Logs in through the form and waits for the Sessions page it lands on. */
    void logIn(String username, String password) {
        openConsole();
        logInOnThisPage(username, password);
    }

    void logInOnThisPage(String username, String password) {
        logInOnThisPage(username, password, "sessions");
        tableLoaded();
    }

    /** Logs in through the form and waits for the page it lands on ("account", My account, for the USER role). */
    void logInOnThisPage(String username, String password, String landingPage) {
        page("login");
        type(By.id("login-username"), username);
        type(By.id("login-password"), password);
        driver.findElement(By.id("login-submit")).click();
        page(landingPage);
    }

    /** Replaces the field's text by typing, so the page sees input events (clear() fires none). */
    void type(By field, String text) {
        WebElement input = visible(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** The element's visible text, with runs of whitespace (flex items, line breaks) as one space. */
    String text(By by) {
        return visible(by).getText().replaceAll("\\s+", " ").trim();
    }

    /** The message area's text once it shows one. */
    String flash() {
        return visible(By.cssSelector("#flash .message-text")).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    boolean dialogOpen() {
        return Boolean.TRUE.equals(script("return document.getElementById('confirm-dialog').open;"));
    }

    /** Session rows of the Sessions page, once the list is loaded. */
    List<WebElement> sessionRows() {
        tableLoaded();
        return driver.findElements(By.cssSelector("[data-session-id]"));
    }

    /** What the page logged to the browser console since the last call (errors, CSP violations). */
    List<String> consoleLog() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    // ---- screenshots ----

    /** After a failure: what the browser showed and its DOM, for whoever reads the CI log. */
    void saveEvidence(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // Best effort: the test's own failure is what matters.
        }
    }

    /**
     * Saves what the browser shows now (1280x900) as target/console-screenshots/{name}.png, and, when
     * the documented screenshots are being refreshed on purpose ({@value #REFRESH_PROPERTY}=true, as
     * {@code ./warden screenshots} sets), as docs/console/{name}.png too. A plain test run leaves the
     * source tree as it found it.
     */
    void screenshot(String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        write(SCREENSHOTS.resolve(name + ".png"), png);
        if (Boolean.getBoolean(REFRESH_PROPERTY)) {
            write(documentedScreenshots().resolve(name + ".png"), png);
        }
    }

    private static void write(Path target, byte[] png) {
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/console of the checkout: failsafe runs in bootstrap/, the launcher sits at the root. */
    private static Path documentedScreenshots() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("warden")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the checkout root (with ./warden and docs/) above "
                    + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve("console");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
