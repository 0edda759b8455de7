package dev.warden.adapter.useragent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.ClientDescription;
import dev.warden.domain.DeviceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The descriptions remembered in front of the analyzer: each header parsed once, and never more than fit. */
class DescriptionCacheTest {
    private final List<String> parsed = new ArrayList<>();
    private final DescriptionCache cache = new DescriptionCache(userAgent -> {
        parsed.add(userAgent);
        return new ClientDescription(userAgent, "1", "Linux", "", DeviceType.DESKTOP);
    });

    @Test
    void givenAHeaderSeenBefore_thenTheSameDescriptionIsAnsweredWithoutParsingItAgain() {
        ClientDescription first = cache.describe("Firefox/121.0");
        ClientDescription again = cache.describe("Firefox/121.0");

        assertSame(first, again);
        assertEquals(List.of("Firefox/121.0"), parsed);
    }

    @Test
    void givenAFloodOfDistinctHeaders_thenItNeverHoldsMoreThanItsLimitAndStillAnswersEachOne() {
        for (int i = 0; i < DescriptionCache.MAX_ENTRIES * 3 + 7; i++) {
            assertEquals("Bot" + i, cache.describe("Bot" + i).browser());
            assertTrue(cache.size() <= DescriptionCache.MAX_ENTRIES, "held " + cache.size());
        }
    }

    @Test
    void givenAParseThatFails_thenNothingIsRememberedAndTheNextCallParsesAgain() {
        int[] calls = {0};
        DescriptionCache failing = new DescriptionCache(userAgent -> {
            calls[0]++;
            throw new IllegalStateException("rules broken");
        });

        assertThrows(IllegalStateException.class, () -> failing.describe("x"));
        assertThrows(IllegalStateException.class, () -> failing.describe("x"));
        assertEquals(2, calls[0]);
        assertEquals(0, failing.size());
    }
}
