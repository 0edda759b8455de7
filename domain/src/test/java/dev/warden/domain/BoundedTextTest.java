package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoundedTextTest {
    private static final Instant NOW = Instant.parse("2026-11-26T15:04:05Z");

    @Test
    void givenCleanShortText_thenItIsKeptAsIs() {
        String text = "Mozilla/5.0 (X11; Linux x86_64) é ü 日本";

        assertSame(text, BoundedText.cap(text, 512));
        assertNull(BoundedText.cap(null, 10));
    }

    @Test
    void givenControlsAndLoneSurrogates_thenEachBecomesOneReplacementCharacter() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFD\uFFFD", BoundedText.replaceUnsafe("a\u0000b\tc\uD800\u009F"));
        assertTrue(BoundedText.hasUnsafe("x\u0001"));
        assertFalse(BoundedText.hasUnsafe("x\uD83D\uDE00 y"), "a proper surrogate pair is fine");
    }

    @Test
    void givenLongText_thenCutWithoutSplittingAPair() {
        String emoji = "\uD83D\uDE00";

        assertEquals("ab" + emoji + BoundedText.CUT_MARKER, BoundedText.cap("ab" + emoji + "cd", 3));
    }

    @Test
    void givenAHugeUsernameAndUserAgent_whenAudited_thenTheEntryHoldsThemCappedAndStorable() {
        AuditEntry entry = AuditEntry.of(AuditType.LOGIN_FAILED, NOW)
                .withUser(null, "x".repeat(16 * 1024) + "\u0000")
                .withActor(null, "y\u0000".repeat(100))
                .withClient(new ClientInfo("203.0.113.9", "agent\u0000" + "z".repeat(10_000)))
                .withReason("r".repeat(1000));

        assertEquals("x".repeat(Username.MAX_LENGTH) + BoundedText.CUT_MARKER, entry.username());
        assertEquals(Username.MAX_LENGTH + 1, entry.actorUsername().length());
        assertFalse(BoundedText.hasUnsafe(entry.actorUsername()));
        assertEquals(ClientInfo.MAX_USER_AGENT_LENGTH + 1, entry.userAgent().length());
        assertTrue(entry.userAgent().startsWith("agent\uFFFDzzz"));
        assertEquals(AuditEntry.MAX_REASON_LENGTH + 1, entry.reason().length());
    }

    @Test
    void givenAUserAgentWithControls_thenClientInfoKeepsItStorable() {
        ClientInfo client = new ClientInfo("203.0.113.9", " curl\u0000/8\u0085 ");

        assertEquals("curl\uFFFD/8\uFFFD", client.userAgent());
    }
}
