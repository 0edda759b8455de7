package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenIs256RandomBitsInBase64Url() {
        String raw = SessionToken.generate(random).reveal();

        assertEquals(43, raw.length());
        assertEquals(32, Base64.getUrlDecoder().decode(raw).length);
        assertTrue(raw.matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(SessionToken.generate(random).reveal()));
        }
    }

    @Test
    void theStoredHashIsSha256AndNotTheToken() {
        SessionToken token = SessionToken.generate(random);

        TokenHash hash = token.hash();

        assertNotEquals(token.reveal(), hash.value());
        assertEquals(32, Base64.getUrlDecoder().decode(hash.value()).length);
        assertEquals(hash, SessionToken.parse(token.reveal()).hash());
    }

    @Test
    void toStringNeverRevealsTheToken() {
        SessionToken token = SessionToken.generate(random);
        assertFalse(token.toString().contains(token.reveal()));
    }

    @Test
    void malformedPresentedTokensAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SessionToken.parse(null));
        assertThrows(IllegalArgumentException.class, () -> SessionToken.parse("short"));
        assertThrows(IllegalArgumentException.class, () -> SessionToken.parse("a".repeat(42) + "="));
        assertThrows(IllegalArgumentException.class, () -> SessionToken.parse("a".repeat(44)));
        for (String odd : new String[] {"\u0000", "+", "/", " ", "\u00e9", "\uff21", "\u0663", "\ud83d"}) {
            assertThrows(IllegalArgumentException.class, () -> SessionToken.parse("a".repeat(42) + odd), odd);
        }
        // Every character base64url has, at either end of its ranges, is taken.
        assertEquals(43, SessionToken.parse("AZaz09_-" + "Mm".repeat(17) + "x").reveal().length());
    }

    @Test
    void theCsrfTokenBelongsToItsSessionOnly() {
        SessionToken one = SessionToken.generate(random);
        SessionToken two = SessionToken.generate(random);

        assertTrue(one.matchesCsrf(one.csrfToken()));
        assertFalse(one.matchesCsrf(two.csrfToken()));
        assertFalse(one.matchesCsrf(null));
        assertNotEquals(one.reveal(), one.csrfToken());
    }
}
