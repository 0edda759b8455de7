package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final Predicate<String> NOTHING_BLOCKED = p -> false;

    private static PasswordRejected.Rule rejection(String username, String password, Predicate<String> blocklist) {
        return assertThrows(PasswordRejected.class, () -> PasswordPolicy.check(username, password, blocklist)).rule();
    }

    @Test
    void elevenCodePointsAreTooShort() {
        assertEquals(PasswordRejected.Rule.TOO_SHORT, rejection("carol", "a".repeat(11), NOTHING_BLOCKED));
    }

    @Test
    void twelveCodePointsAreEnough() {
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", "a".repeat(12), NOTHING_BLOCKED));
    }

    @Test
    void oneHundredTwentyEightCodePointsAreAllowed() {
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", "b".repeat(128), NOTHING_BLOCKED));
    }

    @Test
    void oneHundredTwentyNineCodePointsAreTooLong() {
        assertEquals(PasswordRejected.Rule.TOO_LONG, rejection("carol", "b".repeat(129), NOTHING_BLOCKED));
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        // Twelve emoji are 24 UTF-16 units but twelve code points; eleven are too few.
        String twelve = "\uD83D\uDD12".repeat(12);
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", twelve, NOTHING_BLOCKED));
        assertEquals(PasswordRejected.Rule.TOO_SHORT, rejection("carol", "\uD83D\uDD12".repeat(11), NOTHING_BLOCKED));
    }

    @Test
    void lengthIsMeasuredAfterNfkcNormalisation() {
        // U+FB03 "ffi" ligature becomes three letters under NFKC: 4 ligatures count as 12.
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", "\uFB03".repeat(4), NOTHING_BLOCKED));
        // Decomposed "e" + combining acute composes to one code point: 12 pairs count as 12, not 24.
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", "e\u0301".repeat(12), NOTHING_BLOCKED));
        assertEquals(PasswordRejected.Rule.TOO_SHORT, rejection("carol", "e\u0301".repeat(11), NOTHING_BLOCKED));
    }

    @Test
    void nfkcEquivalentPasswordsNormaliseToTheSameValue() {
        String fullWidth = "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44 long one"; // "password" in full width
        assertEquals("password long one", PasswordPolicy.check("carol", fullWidth, NOTHING_BLOCKED));
        assertEquals(PasswordPolicy.normalize("caf\u00e9 au lait!"), PasswordPolicy.normalize("cafe\u0301 au lait!"));
    }

    @Test
    void spacesAndAnyPrintableCharacterAreAllowedWithoutCompositionRules() {
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", "correct horse battery", NOTHING_BLOCKED));
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", "ünïcödé ▲ ☃ 密码测试", NOTHING_BLOCKED));
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals(PasswordRejected.Rule.UNPRINTABLE, rejection("carol", "line one\nline two", NOTHING_BLOCKED));
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedWhateverTheCase() {
        assertEquals(PasswordRejected.Rule.CONTAINS_USERNAME,
                rejection("carol", "my name is CAROL ok", NOTHING_BLOCKED));
    }

    @Test
    void aBlocklistedPasswordIsRefused() {
        Set<String> common = Set.of("password1234");
        assertEquals(PasswordRejected.Rule.BLOCKLISTED, rejection("carol", "password1234", common::contains));
    }

    @Test
    void theBlocklistIsAskedWithTheNormalisedPassword() {
        Set<String> common = Set.of("password1234");
        // Full-width digits normalise to ASCII and hit the blocklist.
        assertEquals(PasswordRejected.Rule.BLOCKLISTED,
                rejection("carol", "password\uFF11\uFF12\uFF13\uFF14", common::contains));
    }

    @Test
    void aPasswordEstimatedToFallWithinAMillionGuessesIsTooGuessable() {
        assertTrue(PasswordPolicy.isTooGuessable(999_999));
        assertFalse(PasswordPolicy.isTooGuessable(1_000_000));
        assertFalse(PasswordPolicy.isTooGuessable(1e12));
    }
}
