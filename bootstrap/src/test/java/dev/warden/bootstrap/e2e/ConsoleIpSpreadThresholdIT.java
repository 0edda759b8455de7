package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ConsoleFixture.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console shows the IP-spread warning where the service's configured threshold puts it, not at
 * the default of 4: the flag is the API's ({@code ipSpread}), the console computes nothing.
 */
class ConsoleIpSpreadThresholdIT {
    private static final int THRESHOLD = 5;
    private static final int DISTINCT_IPS_COLUMN = 4;

    @RegisterExtension
    static final ConsoleFixture console =
            new ConsoleFixture(Map.of("WARDEN_ALARM_IP_SPREAD_THRESHOLD", String.valueOf(THRESHOLD)));

    @Test
    void theUsersPageWarnsAtTheConfiguredThresholdAndNotAtFour() {
        User four = console.createUser("four", "USER");
        User five = console.createUser("five", "USER");
        logInFromDistinctAddresses(four, "127.0.1.", 4);
        logInFromDistinctAddresses(five, "127.0.2.", THRESHOLD);

        ConsoleBrowser admin = console.ownerBrowser();
        admin.nav("users");
        admin.page("users");

        WebElement belowThreshold = distinctIpsCell(admin, four.name());
        assertEquals("4", belowThreshold.getText(), "4 distinct IPs are no warning when the threshold is " + THRESHOLD);
        assertTrue(belowThreshold.findElements(By.cssSelector("[data-flag='ip-spread']")).isEmpty());

        WebElement atThreshold = distinctIpsCell(admin, five.name());
        assertEquals("⚠ 5 (alarm threshold)", atThreshold.getText());
        assertEquals(1, atThreshold.findElements(By.cssSelector("[data-flag='ip-spread']")).size());
    }

    private static void logInFromDistinctAddresses(User user, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            assertEquals(201, console.warden.clientFrom(prefix + i).login(user.name(), ConsoleFixture.PASSWORD).status());
        }
    }

    /** The Distinct IPs cell of the user's row, once the list shows the row. */
    private static WebElement distinctIpsCell(ConsoleBrowser browser, String username) {
        return browser.waitUntil(d -> {
            browser.tableLoaded();
            return d.findElements(By.cssSelector("[data-username='" + username + "'] td")).stream()
                    .skip(DISTINCT_IPS_COLUMN).findFirst().orElse(null);
        });
    }
}
