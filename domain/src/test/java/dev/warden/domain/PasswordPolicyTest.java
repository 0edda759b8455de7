package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    void rawInputOfMoreThanTheInputCapIsOverlongCountingCodePoints() {
        assertEquals(1_024, PasswordPolicy.MAX_INPUT_CODE_POINTS);
        assertFalse(PasswordPolicy.isOverlong("a".repeat(1_024)));
        assertTrue(PasswordPolicy.isOverlong("a".repeat(1_025)));
        // 1,024 emoji are 2,048 UTF-16 units but 1,024 code points.
        assertFalse(PasswordPolicy.isOverlong("\uD83D\uDD12".repeat(1_024)));
        assertTrue(PasswordPolicy.isOverlong("\uD83D\uDD12".repeat(1_025)));
        assertFalse(PasswordPolicy.isOverlong(""));
    }

    @Test
    void overlongRawInputIsTooLongWithoutBeingNormalised() {
        // A base letter and 8,000 combining marks of alternating classes: the body cap's worth, and
        // quadratic for NFKC. Refused on its raw length, so the message cannot say the normalised one.
        StringBuilder marks = new StringBuilder("a");
        for (int i = 0; i < 8_000; i++) {
            marks.append(i % 2 == 0 ? '\u0301' : '\u0316');
        }
        PasswordRejected rejected = assertThrows(PasswordRejected.class,
                () -> PasswordPolicy.checkShape("carol", marks.toString()));
        assertEquals(PasswordRejected.Rule.TOO_LONG, rejected.rule());
        assertEquals("Password must be at most 128 characters long.", rejected.getMessage());
        assertEquals(PasswordRejected.Rule.TOO_LONG, rejection("carol", "b".repeat(1_025), NOTHING_BLOCKED));
    }

    @Test
    void composedInputWithinTheInputCapIsMeasuredAfterNormalisation() {
        // U+1F82 decomposed is four code points (alpha, two accents, iota below): 512 raw code points
        // compose to 128, the longest canonical decomposition there is.
        String decomposed = "\u03B1\u0313\u0300\u0345";
        assertEquals("\u1F82", PasswordPolicy.normalize(decomposed));
        assertDoesNotThrow(() -> PasswordPolicy.check("carol", decomposed.repeat(128), NOTHING_BLOCKED));
        assertEquals(PasswordRejected.Rule.TOO_LONG, rejection("carol", decomposed.repeat(129), NOTHING_BLOCKED));
    }

    @Test
    void normaliseItselfNeverRefusesLongInputForLogins() {
        assertEquals("x".repeat(5_000), PasswordPolicy.normalize("\uFF58".repeat(5_000)));
    }

    @Test
    void checkShapeAppliesEveryRuleButTheBlocklistAndReturnsTheNormalisedForm() {
        assertEquals("password long one", PasswordPolicy.checkShape("carol",
                "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44 long one"));
        assertEquals("password1234", PasswordPolicy.checkShape("carol", "password1234"), "no blocklist here");
        assertEquals(PasswordRejected.Rule.TOO_SHORT,
                assertThrows(PasswordRejected.class, () -> PasswordPolicy.checkShape("carol", "short")).rule());
        assertEquals(PasswordRejected.Rule.TOO_LONG,
                assertThrows(PasswordRejected.class, () -> PasswordPolicy.checkShape("carol", "b".repeat(129))).rule());
        assertEquals(PasswordRejected.Rule.UNPRINTABLE,
                assertThrows(PasswordRejected.class, () -> PasswordPolicy.checkShape("carol", "line one\nline two")).rule());
        assertEquals(PasswordRejected.Rule.CONTAINS_USERNAME,
                assertThrows(PasswordRejected.class, () -> PasswordPolicy.checkShape("carol", "my name is CAROL ok")).rule());
    }

    @Test
    void theBlocklistIsAskedOnlyAfterEveryCheapRulePassed() {
        List<String> asked = new ArrayList<>();
        Predicate<String> recording = p -> {
            asked.add(p);
            return false;
        };
        rejection("carol", "short", recording);
        rejection("carol", "b".repeat(1_025), recording);
        rejection("carol", "my name is carol ok", recording);
        assertEquals(List.of(), asked);

        PasswordPolicy.check("carol", "correct horse battery", recording);
        assertEquals(List.of("correct horse battery"), asked);
    }

    @Test
    void aUsernameTooLongToBeInsideAnyPasswordIsNeverFoundInIt() {
        // Over the input cap, a username normalises to more code points than any valid password has,
        // so it is not normalised at all (NFKC is quadratic on runs of combining marks).
        StringBuilder marks = new StringBuilder("a");
        for (int i = 0; i < 8_000; i++) {
            marks.append(i % 2 == 0 ? '\u0301' : '\u0316');
        }
        assertDoesNotThrow(() -> PasswordPolicy.checkShape(marks.toString(), "a fine long passphrase"));
        assertDoesNotThrow(() -> PasswordPolicy.checkShape("a".repeat(1_025), "a".repeat(128)));
        assertEquals(PasswordRejected.Rule.CONTAINS_USERNAME, rejection(" Carol ", "my name is carol ok", NOTHING_BLOCKED));
    }

    @Test
    void aPasswordEstimatedToFallWithinAMillionGuessesIsTooGuessable() {
        assertTrue(PasswordPolicy.isTooGuessable(999_999));
        assertFalse(PasswordPolicy.isTooGuessable(1_000_000));
        assertFalse(PasswordPolicy.isTooGuessable(1e12));
    }
}
