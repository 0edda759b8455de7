package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.ApiClient.Response;
import dev.warden.bootstrap.e2e.ConsoleFixture.User;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Incident response in the console: the Sessions page filtered by a network ends every session from
 * it, the administrator's own excepted. Its own Warden: the action ends sessions from 127.0.0.0/16,
 * where every other browser test's sessions come from.
 */
class ConsoleIncidentResponseIT {
    private static final Pattern BUTTON = Pattern.compile("End all (\\d+) sessions from this network");

    @RegisterExtension
    static final ConsoleFixture console = new ConsoleFixture();

    @Test
    void filteredByANetwork_endAllEndsEverySessionFromItButTheCallersOwn() {
        User eve = console.createUser("eve", "USER");
        User frank = console.createUser("frank", "USER");
        List<String> eves = List.of(
                console.warden.clientFrom("127.0.5.1").login(eve.name(), ConsoleFixture.PASSWORD).token(),
                console.warden.clientFrom("127.0.200.2").login(eve.name(), ConsoleFixture.PASSWORD).token());
        String franks = console.warden.clientFrom("127.1.0.1").login(frank.name(), ConsoleFixture.PASSWORD).token();
        ConsoleBrowser admin = console.ownerBrowser(); // from 127.0.0.1: inside the network

        admin.type(By.id("filter-ip"), "127.0.0.0/16");
        Matcher label = BUTTON.matcher(admin.waitUntil(d -> {
            String text = d.findElement(By.cssSelector("[data-action='terminate-from-ip']")).getText();
            return BUTTON.matcher(text).matches() ? text : null;
        }));
        assertTrue(label.matches());
        int shown = Integer.parseInt(label.group(1));
        assertEquals(shown, admin.sessionRows().size(), "the button counts what the filtered list shows");
        assertTrue(shown >= 3, "eve's two and the caller's own: " + shown);
        admin.screenshot("sessions-end-all-from-network");

        admin.visible(By.cssSelector("[data-action='terminate-from-ip']")).click();
        String dialog = admin.text(By.id("confirm-dialog"));
        assertTrue(dialog.contains(shown + " sessions from the network 127.0.0.0/16"), dialog);
        assertTrue(dialog.contains("Your own current session stays."), dialog);
        admin.driver.findElement(By.id("confirm-ok")).click();

        assertEquals((shown - 1) + " sessions from 127.0.0.0/16 ended.", admin.flash());
        List<WebElement> left = admin.waitUntil(d -> {
            List<WebElement> rows = admin.sessionRows();
            return rows.size() == 1 ? rows : null;
        });
        assertTrue(left.getFirst().getText().contains("This session"), left.getFirst().getText());
        for (String token : eves) {
            assertEquals(401, console.api.get("/api/auth/session", token).status());
        }
        assertEquals(200, console.api.get("/api/auth/session", franks).status(), "127.1.0.1 is outside the network");
        // The caller stays logged in: the next click still works.
        admin.driver.findElement(By.cssSelector("[data-page='sessions'] [data-action='refresh']")).click();
        admin.page("sessions");
        assertEquals(1, admin.sessionRows().size());

        Response audit = console.api.get("/api/admin/audit?type=SESSIONS_TERMINATED_BY_IP",
                console.warden.ownerToken());
        assertEquals(200, audit.status(), audit.body());
        JsonNode items = audit.json().path("items");
        assertEquals(1, items.size(), audit.body());
        assertTrue(items.get(0).path("reason").asText().contains((shown - 1) + " sessions from 127.0.0.0/16"),
                audit.body());
    }

    @Test
    void anAddressCellLeadsToEverythingFromThatAddress_onSessionsAndOnTheAudit() {
        User gina = console.createUser("gina", "USER");
        console.warden.clientFrom("127.2.0.7").login(gina.name(), ConsoleFixture.PASSWORD);
        console.warden.clientFrom("127.2.0.8").login(gina.name(), ConsoleFixture.PASSWORD);
        ConsoleBrowser admin = console.ownerBrowser();

        admin.type(By.id("filter-user"), gina.name());
        admin.visible(By.cssSelector("[data-filter-ip='127.2.0.7']")).click();

        admin.page("sessions");
        List<WebElement> rows = admin.waitUntil(d -> {
            List<WebElement> shown = admin.sessionRows();
            return shown.size() == 1 && shown.getFirst().getText().contains("127.2.0.7") ? shown : null;
        });
        assertEquals("127.2.0.7", admin.driver.findElement(By.id("filter-ip")).getDomProperty("value"));
        assertTrue(rows.getFirst().getText().contains(gina.name()), rows.getFirst().getText());

        admin.nav("audit");
        admin.page("audit");
        admin.visible(By.cssSelector("[data-filter-ip='127.2.0.8']")).click();
        admin.waitUntil(d -> "127.2.0.8".equals(d.findElement(By.id("filter-ip")).getDomProperty("value")));
        // Until the filtered page has replaced the one before it (on a busy machine the table may
        // still be empty, or still show the unfiltered rows, right after the loading mark goes).
        // Fails by timing out when any row shown is from another address, or none is shown.
        admin.waitUntil(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("[data-page='audit'] tbody tr"));
            return !shown.isEmpty() && shown.stream().allMatch(e -> e.getText().contains("127.2.0.8"));
        });
    }
}
