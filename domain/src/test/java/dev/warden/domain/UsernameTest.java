package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @Test
    void givenALigatureTypedAtLogin_thenTheLookupFormIsTheNameTheAccountWasCreatedWith() {
        Username created = new Username("\uFB01nn"); // "ﬁnn"

        assertEquals("finn", created.value());
        assertEquals(created.value(), Username.lookupForm("\uFB01nn"));
        assertEquals(created.value(), Username.lookupForm("  \uFB01nn "));
    }

    @Test
    void givenFullWidthLetters_thenCreationAndLookupAgree() {
        assertEquals(new Username("\uFF41\uFF4C\uFF49\uFF43\uFF45").value(), Username.lookupForm("\uFF41\uFF4C\uFF49\uFF43\uFF45"));
        assertEquals("alice", Username.lookupForm("\uFF41\uFF4C\uFF49\uFF43\uFF45"));
    }

    @Test
    void givenAnOrdinaryName_thenTheLookupFormIsItStripped() {
        assertEquals("Alice", Username.lookupForm(" Alice\t"));
        assertEquals("", Username.lookupForm(null));
        assertEquals("", Username.lookupForm("   "));
    }

    @Test
    void givenA16KiBName_thenTheLookupFormIsCutToTheMaximumPlusAMarker() {
        String typed = "a".repeat(16 * 1024);

        String lookup = Username.lookupForm(typed);

        assertEquals("a".repeat(Username.MAX_LENGTH) + BoundedText.CUT_MARKER, lookup);
        assertThrows(IllegalArgumentException.class, () -> new Username(lookup), "a cut name is never a valid username");
    }

    @Test
    void givenANameOfExactlyTheMaximum_thenItIsLookedUpUncut() {
        String typed = "b".repeat(Username.MAX_LENGTH);

        assertEquals(typed, Username.lookupForm(typed));
        assertEquals(typed, new Username(typed).value());
    }

    @Test
    void givenSupplementaryCharacters_thenTheCutCountsCodePointsAndKeepsPairsWhole() {
        String letter = "\uD835\uDC9C"; // MATHEMATICAL SCRIPT CAPITAL A; NFKC makes it "A"
        String han = "\uD840\uDC00"; // CJK EXTENSION B, a letter that NFKC keeps
        String typed = han.repeat(Username.MAX_LENGTH + 10);

        String lookup = Username.lookupForm(typed);

        assertEquals(han.repeat(Username.MAX_LENGTH) + BoundedText.CUT_MARKER, lookup);
        assertEquals("A", Username.lookupForm(letter));
        assertEquals(han.repeat(Username.MAX_LENGTH), new Username(han.repeat(Username.MAX_LENGTH)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u001Fb", "a\u007Fb", "a\u0085b", "a\uD800b", "a\uDC00b"})
    void givenControlCharactersOrLoneSurrogates_thenTheLookupFormIsStorableAndMatchesNoAccount(String typed) {
        String lookup = Username.lookupForm(typed);

        assertEquals("a\uFFFDb", lookup);
        assertFalse(BoundedText.hasUnsafe(lookup));
        assertThrows(IllegalArgumentException.class, () -> new Username(typed));
        assertThrows(IllegalArgumentException.class, () -> new Username(lookup));
    }

    @Test
    void givenACutName_thenItIsLongerThanAnyUsername() {
        String lookup = Username.lookupForm("c".repeat(Username.MAX_LENGTH + 1));

        assertEquals(Username.MAX_LENGTH + 1, lookup.codePointCount(0, lookup.length()));
        assertThrows(IllegalArgumentException.class, () -> new Username("c".repeat(Username.MAX_LENGTH + 1)));
    }
}
