package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.adapter.ssf.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Admin > Receivers in a real (headless) Chromium against a Warden with Shared Signals on: an
 * administrator registers a receiver and sees its secret once (with a Copy button), the secret gets
 * a token at /oauth2/token, the receiver's poll stream shows with its status and pending count, and
 * revoking it (confirmation, and the password again once the re-authentication window has passed)
 * marks it revoked and refuses its token. At desktop and phone width; axe checks each page.
 */
class ConsoleReceiversIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";

    @RegisterExtension
    static final ConsoleFixture console = new ConsoleFixture(Map.of(
            "WARDEN_PUBLIC_URL", "http://127.0.0.1:8080",
            "WARDEN_SSF_ALLOW_HTTP", "true",
            "WARDEN_SSF_SIGNING_KEY_FILE", signingKeyFile().toString()));

    @Test
    void registerSeeTheSecretOnceWatchTheStreamAndRevoke_atDesktopWidth() {
        ConsoleBrowser admin = receiversPage(console.ownerBrowser());
        assertEquals("Admin > Receivers", admin.text(By.cssSelector("[data-page='receivers'] .breadcrumb")));

        Registered lake = register(admin, "Security lake", "receivers-secret", "copied");
        String token = accessToken(lake);
        String streamId = createPollStream(token);

        admin.driver.findElement(By.cssSelector("[data-action='refresh']")).click();
        WebElement stream = streamRow(admin, streamId);
        assertEquals("Security lake", stream.findElement(By.cssSelector("td .strong")).getText());
        assertEquals("Poll", cell(stream, 1).getText());
        assertEquals("http://127.0.0.1:8080/ssf/poll/" + streamId, cell(stream, 2).getText());
        assertEquals("enabled", cell(stream, 3).getText().trim());
        assertTrue(cell(stream, 4).getText().contains("caep/event-type/session-revoked"), cell(stream, 4).getText());
        assertEquals("1", cell(stream, 5).getText(), "the verification SET waits in the queue");
        admin.screenshot("receivers");

        // Past WARDEN_REAUTH_WINDOW: revoking asks for the password first, then goes through.
        console.warden.clock.advance(Duration.ofMinutes(16));
        String freshToken = accessToken(lake); // the old one has expired with the clock; this one has not
        revoke(admin, lake, true);

        assertEquals(401, console.api.get("/ssf/streams", freshToken).status(), "a revoked receiver's token stops");
        assertEquals(401, tokenResponse(lake).statusCode(), "and it gets no new one");
        admin.waitUntil(d -> cell(streamRow(admin, streamId), 3).getText().contains("disabled"));
    }

    @Test
    void registerAndRevokeAtPhoneWidth() {
        ConsoleBrowser admin = console.ownerBrowser().phone();
        receiversPage(admin);
        // A browser that refuses the clipboard (no permission, no secure context): Copy selects the secret.
        admin.script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));");
        Registered siem = register(admin, "Phone SIEM", "receivers-secret-phone", "selected");
        String streamId = createPollStream(accessToken(siem));
        admin.driver.findElement(By.cssSelector("[data-action='refresh']")).click();

        WebElement stream = streamRow(admin, streamId);
        assertEquals("Pending", cell(stream, 5).getDomAttribute("data-label"), "cards name their columns");
        assertEquals(0, admin.horizontalOverflow(), "nothing scrolls sideways on a phone");
        admin.screenshot("receivers-phone");
        admin.colorScheme(true);
        admin.page("receivers"); // axe again, in dark mode, with both lists filled

        String token = accessToken(siem);
        revoke(admin, siem, false);
        assertEquals(401, console.api.get("/ssf/streams", token).status());
    }

    // ---- steps ----

    private static ConsoleBrowser receiversPage(ConsoleBrowser browser) {
        browser.nav("receivers");
        browser.page("receivers");
        browser.tableLoaded();
        return browser;
    }

    /**
     * Registers through the form; checks the dialog shows the secret once, and that Copy copies it or,
     * where the clipboard is refused ({@code copyOutcome} "selected"), selects all of it.
     */
    private static Registered register(ConsoleBrowser admin, String name, String screenshot, String copyOutcome) {
        admin.type(By.id("new-receiver-name"), name);
        admin.driver.findElement(By.id("register-receiver-submit")).click();
        WebElement dialog = admin.visible(By.id("secret-dialog"));
        assertTrue(dialog.getText().contains("you will not see it again"), dialog.getText());
        assertEquals(name + " registered", admin.text(By.id("secret-dialog-title")));
        String clientId = admin.driver.findElement(By.id("secret-dialog-client-id")).getDomProperty("value");
        String secret = admin.driver.findElement(By.id("secret-dialog-secret")).getDomProperty("value");
        assertTrue(secret.length() >= 40, "a 256-bit secret: " + secret.length());
        admin.assertAccessible("the secret dialog");

        admin.driver.findElement(By.id("secret-dialog-copy")).click();
        String copy = admin.waitUntil(d -> d.findElement(By.id("secret-dialog-copy-status")).getDomAttribute("data-copy"));
        assertEquals(copyOutcome, copy);
        if (copy.equals("selected")) {
            assertEquals(secret, admin.script("const f = document.getElementById('secret-dialog-secret');"
                    + " return f.value.substring(f.selectionStart, f.selectionEnd);"));
            assertEquals(admin.driver.findElement(By.id("secret-dialog-secret")), admin.focused());
        }
        admin.screenshot(screenshot);
        admin.driver.findElement(By.id("secret-dialog-done")).click();

        admin.waitUntil(d -> !d.findElement(By.id("secret-dialog")).isDisplayed());
        assertFalse(admin.driver.getPageSource().contains(secret), "the secret is shown once, then gone from the page");
        assertTrue(admin.flash().contains(name + " registered"));
        WebElement row = clientRow(admin, clientId);
        assertEquals(name, cell(row, 0).getText());
        assertEquals(clientId, cell(row, 1).getText());
        assertEquals("Active", cell(row, 3).getText());
        return new Registered(name, clientId, secret);
    }

    private static void revoke(ConsoleBrowser admin, Registered receiver, boolean expectPasswordPrompt) {
        clientRow(admin, receiver.clientId()).findElement(By.cssSelector("[data-action='revoke']")).click();
        String dialog = admin.text(By.id("confirm-dialog"));
        assertTrue(dialog.contains("Revoke " + receiver.name() + "?"), dialog);
        assertTrue(dialog.contains(receiver.clientId()), dialog);
        admin.driver.findElement(By.id("confirm-ok")).click();
        if (expectPasswordPrompt) {
            WebElement password = admin.waitUntil(d -> {
                WebElement input = d.findElement(By.id("reauth-dialog-input"));
                return input.isDisplayed() ? input : null;
            });
            password.sendKeys(RunningWarden.OWNER_PASSWORD);
            admin.driver.findElement(By.id("reauth-dialog-ok")).click();
        }
        String revoked = receiver.name() + " revoked.";
        admin.waitUntil(d -> d.findElement(By.cssSelector("#flash .message-text")).getText().equals(revoked));
        admin.waitUntil(d -> cell(clientRow(admin, receiver.clientId()), 3).getText().startsWith("Revoked"));
        assertTrue(clientRow(admin, receiver.clientId()).findElements(By.cssSelector("[data-action='revoke']")).isEmpty());
    }

    // ---- the receiver's side, through the API ----

    private static String accessToken(Registered receiver) {
        HttpResponse<String> response = tokenResponse(receiver);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).path("access_token").asText();
    }

    /** POST /oauth2/token with the client credentials in HTTP Basic (RFC 6749 section 2.3.1). */
    private static HttpResponse<String> tokenResponse(Registered receiver) {
        String basic = Base64.getEncoder().encodeToString((receiver.clientId() + ":" + receiver.secret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.warden.baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A poll stream, and a verification request so one SET waits in its queue. */
    private static String createPollStream(String token) {
        ApiClient.Response created = console.api.post("/ssf/streams", token,
                "{\"events_requested\":[\"" + SESSION_REVOKED + "\"]}");
        assertEquals(201, created.status(), created.body());
        String streamId = created.json().path("stream_id").asText();
        assertEquals(204, console.api.post("/ssf/verify", token, "{\"stream_id\":\"" + streamId + "\",\"state\":\"console\"}").status());
        return streamId;
    }

    // ---- helpers ----

    private static WebElement clientRow(ConsoleBrowser browser, String clientId) {
        browser.tableLoaded();
        return browser.visible(By.cssSelector("tr[data-client-id='" + clientId + "']:not([data-stream-id])"));
    }

    private static WebElement streamRow(ConsoleBrowser browser, String streamId) {
        browser.tableLoaded();
        return browser.visible(By.cssSelector("tr[data-stream-id='" + streamId + "']"));
    }

    private static WebElement cell(WebElement row, int index) {
        return row.findElements(By.tagName("td")).get(index);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path signingKeyFile() {
        try {
            Path file = Files.createTempFile("warden-console-ssf", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, SigningKeys.generatePem(new SecureRandom()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Registered(String name, String clientId, String secret) {
    }
}
