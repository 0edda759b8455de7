package dev.warden.adapter.password;

import static dev.warden.adapter.password.RandomText.randomOf;
import static dev.warden.adapter.password.RandomText.randomPrintableAscii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nulabinc.zxcvbn.Context;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.L33tMatcher;
import dev.warden.domain.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommonPasswordBlocklistTest {
    /** The input of the security finding: 20 distinct l33t characters, repeated. */
    private static final String LEET = "4@8(3691!|70$5%2+{[<";
    private static final double WEAK = 10;
    private static final double STRONG = 1e12;

    private final CommonPasswordBlocklist blocklist = new CommonPasswordBlocklist();

    @Test
    void theStandInEstimatesStraddleTheThreshold() {
        assertTrue(PasswordPolicy.isTooGuessable(WEAK));
        assertFalse(PasswordPolicy.isTooGuessable(STRONG));
    }

    @Test
    void famousAndTriviallyGuessablePasswordsAreBlocked() {
        assertTrue(blocklist.contains("password1234"));
        assertTrue(blocklist.contains("PASSWORD1234"));
        assertTrue(blocklist.contains("qwertyuiop123"));
        assertTrue(blocklist.contains("aaaaaaaaaaaa"));
        assertTrue(blocklist.contains("123456789012"));
    }

    @Test
    void ordinaryPassphrasesAreNot() {
        assertFalse(blocklist.contains("a fine long passphrase"));
        assertFalse(blocklist.contains("Tr0ub4dor&3 under the bridge"));
        assertFalse(blocklist.contains("mauve giraffe kettle 42"));
    }

    @Test
    void longFamousWeakPasswordsAreStillBlocked() {
        for (String weak : List.of("passwordpasswordpassword", "123456789012345678901234", "qwertyuiopqwertyuiop",
                // longer than twelve: twelve-code-point windows alone let these through
                "iloveyou12345678", "P@ssw0rd12345678", "Password1Password1Password1", "password1!password1!password1!",
                "sunshinebutterfly", "0123456789".repeat(8), "qwertyuiop".repeat(12), "a".repeat(128))) {
            assertTrue(blocklist.contains(weak), weak);
        }
    }

    @Test
    void longStrongPasswordsAreNot() {
        assertFalse(blocklist.contains("correct horse battery staple, then a long walk by the river Thames"));
        assertFalse(blocklist.contains("Xk9#mQ2$vL7@pR4^wT8&zN3*" + "a quiet lake at dawn".repeat(5)));
    }

    @Test
    void theWorstInputOfTheFindingIsMeasuredInSixStretchesOfTwelve() {
        Recording recording = new Recording(p -> WEAK);
        assertTrue(new CommonPasswordBlocklist(recording).contains(LEET.repeat(7).substring(0, 128)));

        assertEquals(6, recording.seen.size(), recording.seen.toString());
        recording.seen.forEach(stretch -> assertEquals(12, codePoints(stretch), stretch));
    }

    @Test
    void noStretchIsCostlierThanTheBoundAndAtMostSixAreMeasuredForAnyInput() {
        Random random = new Random(17);
        List<String> inputs = new ArrayList<>();
        for (int length : new int[] {13, 20, 24, 25, 40, 72, 73, 100, 128}) {
            inputs.add(LEET.repeat(7).substring(0, length));
            inputs.add(randomOf(random, LEET, length));
            inputs.add(randomOf(random, LEET + "abcdefghijklmnopqrstuvwxyz", length));
            inputs.add(randomPrintableAscii(random, length));
            inputs.add(randomUnicode(random, length));
            inputs.add("1|7!({[<".repeat(20).substring(0, length));
            inputs.add("passwordpassword".repeat(10).substring(0, length));
        }
        for (String input : inputs) {
            Recording recording = new Recording(p -> WEAK);
            new CommonPasswordBlocklist(recording).contains(input);

            assertTrue(recording.seen.size() <= 6, recording.seen.size() + " stretches of " + input);
            for (String stretch : recording.seen) {
                assertTrue(codePoints(stretch) <= 12
                                || stretch.length() <= 16 && distinctL33t(stretch) <= 10
                                || stretch.length() <= 24 && distinctL33t(stretch) <= 8,
                        "too costly a stretch " + stretch + " of " + input);
                assertTrue(input.contains(stretch), stretch + " is not a stretch of " + input);
            }
        }
    }

    @Test
    void aPasswordAffordableAsAWholeIsMeasuredAsAWhole() {
        for (String password : List.of("iloveyou12345678", "correct horse battery!!", "\uD83D\uDD12".repeat(12))) {
            Recording recording = new Recording(p -> WEAK);
            new CommonPasswordBlocklist(recording).contains(password);
            assertEquals(List.of(password), recording.seen);
        }
    }

    @Test
    void aRepeatingPasswordIsMeasuredInWholeCopiesOfWhatRepeats() {
        Recording recording = new Recording(p -> WEAK);
        assertTrue(new CommonPasswordBlocklist(recording).contains("password1!".repeat(12)));
        assertEquals(List.of("password1!password1!"), recording.seen);
    }

    @Test
    void theFirstStrongStretchEndsTheWorkAndAcceptsThePassword() {
        Recording recording = new Recording(p -> STRONG);
        assertFalse(new CommonPasswordBlocklist(recording).contains(LEET.repeat(7).substring(0, 128)));
        assertEquals(1, recording.seen.size());
    }

    @Test
    void weakThenStrongIsAcceptedByItsStrongStretch() {
        // 24 weak code points, then 12 strong ones: a strong stretch proves the whole strong.
        Recording zxcvbn = zxcvbn();
        assertFalse(new CommonPasswordBlocklist(zxcvbn).contains("passwordpasswordpassword" + "Xkq#mQwvLhPz"));
        assertEquals(List.of("passwordpasswordpassword", "Xkq#mQwvLhPz"), zxcvbn.seen);
    }

    @Test
    void strongThenWeakIsAcceptedByItsFirstStretchAlone() {
        Recording zxcvbn = zxcvbn();
        assertFalse(new CommonPasswordBlocklist(zxcvbn).contains("Xkq#mQwvLhPz" + "passwordpasswordpassword"));
        assertEquals(1, zxcvbn.seen.size());
    }

    @Test
    void aPasswordWhoseFirstSeventyTwoCodePointsAreWeakIsBlockedWhateverFollows() {
        // Documented: only the first 72 code points of a password too costly to measure whole count.
        assertTrue(blocklist.contains("password".repeat(9) + "Xk9#mQ2$vL7@pR4^wT8&zN3*"));
    }

    @Test
    void theShippedListIsComparedWithTheWholePassword() {
        Recording recording = new Recording(p -> STRONG);
        assertTrue(new CommonPasswordBlocklist(recording).contains("1QAZ2WSX3EDC4RFV"));
    }

    @Test
    void theL33tCharactersAreThoseZxcvbnSubstitutes() {
        StringBuilder printable = new StringBuilder();
        for (char c = ' '; c < 127; c++) {
            printable.append(c);
        }
        Set<Character> zxcvbns = new TreeSet<>();
        new L33tMatcher(new Context(Map.of(), Map.of()), Map.of()).relevantL33tSubTable(printable)
                .values().forEach(zxcvbns::addAll);

        Set<Character> ours = CommonPasswordBlocklist.L33T_CHARACTERS.chars().mapToObj(c -> (char) c)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(zxcvbns, ours);
    }

    private static Recording zxcvbn() {
        Zxcvbn zxcvbn = new Zxcvbn();
        return new Recording(p -> zxcvbn.measure(p).getGuesses());
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    private static long distinctL33t(String text) {
        return text.chars().filter(c -> CommonPasswordBlocklist.L33T_CHARACTERS.indexOf(c) >= 0).distinct().count();
    }

    /** Letters and symbols from all planes, a third of them outside the BMP (two UTF-16 units). */
    private static String randomUnicode(Random random, int length) {
        StringBuilder out = new StringBuilder();
        while (out.codePointCount(0, out.length()) < length) {
            int codePoint = random.nextInt(3) == 0 ? 0x1F300 + random.nextInt(0x200) : 0xA1 + random.nextInt(0x2000);
            if (Character.isDefined(codePoint) && !Character.isISOControl(codePoint)
                    && Character.getType(codePoint) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    /** An estimator that remembers what it was shown, in order. */
    private static final class Recording implements ToDoubleFunction<String> {
        final List<String> seen = new ArrayList<>();
        private final ToDoubleFunction<String> guesses;

        Recording(ToDoubleFunction<String> guesses) {
            this.guesses = guesses;
        }

        @Override
        public double applyAsDouble(String stretch) {
            seen.add(stretch);
            return guesses.applyAsDouble(stretch);
        }
    }
}
