package dev.warden.adapter.password;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.domain.PasswordPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Common and compromised passwords. Two sources: a shipped list of well-known long passwords
 * ({@code common-passwords.txt}, compared with the whole password), and zxcvbn's estimate of the
 * guesses a password takes, which recognises dictionary words, keyboard walks, repeats and dates
 * with their usual substitutions. How few guesses make a password common is
 * {@link PasswordPolicy#isTooGuessable}'s call.
 *
 * <h2>What zxcvbn is shown, and why</h2>
 *
 * zxcvbn's cost is not bounded by the password's length alone. Its l33t matcher tries every
 * combination of substitutions for the characters it knows as l33t ({@link #L33T_CHARACTERS}: the
 * digits and {@code @ ! | $ ( [ { < + %}), so the cost grows exponentially with how many distinct
 * ones a string holds: zxcvbn 1.9.0 took 44 ms for the 20 characters {@code 4@8(3691!|70$5%2+{[<}
 * and 2.6 s for them repeated to 128; and even without them it grows with about the square of the
 * length (128 letters, 10 ms). One Argon2id hash costs 26-28 ms of CPU, so a single request could
 * cost a hundred hashes. So zxcvbn only ever sees <em>affordable</em> stretches: at most 12 code
 * points (at most 12 distinct l33t characters, about 2 ms at worst), or at most 24 UTF-16 units
 * with at most 8 distinct l33t characters (about 5 ms at worst; zxcvbn works on UTF-16 units).
 *
 * <ul>
 * <li>A password that is affordable as a whole is measured as a whole: the exact estimate. That is
 * nearly every password people choose (24 characters or fewer, a few digits and symbols).</li>
 * <li>Otherwise only its first {@value #MEASURED_CODE_POINTS} code points are measured. If they
 * repeat one string (period at most half of them), zxcvbn sees as many whole copies of it as are
 * affordable, at least one: one call.</li>
 * <li>Otherwise zxcvbn sees consecutive stretches of them from the start, each as long as is
 * affordable and at least 12 code points; the last one ends at the end and may overlap the one
 * before. That is at most six calls, so at most about six times the 12-code-point worst case, and
 * in practice one strong stretch's cost plus a few cheap weak ones (a weak stretch has little in it
 * for the l33t matcher to combine).</li>
 * </ul>
 *
 * The password is too guessable unless some stretch reaches the threshold, and the first that
 * does ends the work. The reason: a stretch of a password is never harder to guess than the whole
 * (a guesser who has the whole has every stretch of it), so a strong stretch proves the whole
 * strong. zxcvbn's estimate agrees except where a stretch cuts through a word or a repeat: the cut
 * pieces then look like random characters and the stretch rates higher than the whole
 * ({@code iloveyou12345678} is weak, its last twelve {@code eyou12345678} are not). That is why
 * the stretches are as long as the cost allows, a password that fits is measured whole, and a
 * repeat is measured in whole copies: on a corpus of 9,600 weak passwords of 13 to 128 characters
 * (words with digits and symbols, pairs of words, repeats), twelve-code-point windows alone let 85%
 * of them through; these rules let 2 through, both pairs of words longer than 24 characters. The
 * other direction is a refusal the whole would pass: 76 of 4,000 repeated passwords whose copies
 * are weak but whose repetition zxcvbn rates strong, and any password whose first 72 code points
 * are weak however strong its rest. Both are passwords worth refusing.
 */
public final class CommonPasswordBlocklist implements PasswordBlocklist {
    /**
     * The characters zxcvbn 1.9.0's l33t matcher substitutes for letters (its table in
     * {@code L33tMatcher}; a test compares).
     */
    static final String L33T_CHARACTERS = "4@8({[<3691!|0$5+7%2";
    /** A stretch of at most this many code points is always affordable. */
    static final int SHORT_CODE_POINTS = 12;
    /** A longer stretch is affordable up to this many UTF-16 units ... */
    static final int LONG_UTF16_UNITS = 24;
    /** ... with at most this many distinct {@link #L33T_CHARACTERS}. */
    static final int LONG_DISTINCT_L33T = 8;
    /** How much of a password too costly to measure whole is measured. */
    static final int MEASURED_CODE_POINTS = 72;

    private final Set<String> shipped;
    private final ToDoubleFunction<String> guesses;

    public CommonPasswordBlocklist() {
        this(zxcvbnGuesses());
    }

    /** @param guesses the estimated guesses of a stretch (zxcvbn's in production) */
    CommonPasswordBlocklist(ToDoubleFunction<String> guesses) {
        this.shipped = load("common-passwords.txt");
        this.guesses = Objects.requireNonNull(guesses, "guesses");
    }

    private static ToDoubleFunction<String> zxcvbnGuesses() {
        Zxcvbn zxcvbn = new Zxcvbn();
        return stretch -> zxcvbn.measure(stretch).getGuesses();
    }

    @Override
    public boolean contains(String normalizedPassword) {
        return shipped.contains(normalizedPassword.toLowerCase(Locale.ROOT)) || isTooGuessable(normalizedPassword);
    }

    private boolean isTooGuessable(String password) {
        for (String stretch : stretches(password)) {
            if (!PasswordPolicy.isTooGuessable(guesses.applyAsDouble(stretch))) {
                return false;
            }
        }
        return true;
    }

    /** What zxcvbn is shown of a password, in order (see the class comment). */
    static List<String> stretches(String password) {
        int[] codePoints = password.codePoints().toArray();
        if (affordable(codePoints, 0, codePoints.length)) {
            return List.of(password);
        }
        int limit = Math.min(codePoints.length, MEASURED_CODE_POINTS);
        int period = period(codePoints, limit);
        if (period > 0) {
            int copies = limit / period;
            while (copies > 0 && !affordable(codePoints, 0, copies * period)) {
                copies--;
            }
            if (copies > 0) {
                return List.of(text(codePoints, 0, copies * period));
            }
        }
        List<String> stretches = new ArrayList<>();
        int start = 0;
        while (true) {
            if (limit - start <= SHORT_CODE_POINTS) {
                // The rest is short: the last stretch ends at the end, reaching back as far as is affordable.
                int from = limit - SHORT_CODE_POINTS;
                while (from > 0 && affordable(codePoints, from - 1, limit)) {
                    from--;
                }
                stretches.add(text(codePoints, Math.max(from, 0), limit));
                return stretches;
            }
            int end = start + SHORT_CODE_POINTS;
            while (end < limit && affordable(codePoints, start, end + 1)) {
                end++;
            }
            stretches.add(text(codePoints, start, end));
            if (end == limit) {
                return stretches;
            }
            start = end;
        }
    }

    /** Whether zxcvbn's cost for these code points is bounded (see {@link #SHORT_CODE_POINTS}). */
    private static boolean affordable(int[] codePoints, int from, int to) {
        if (to - from <= SHORT_CODE_POINTS) {
            return true;
        }
        int units = 0;
        int l33tSeen = 0; // one bit per character of L33T_CHARACTERS
        for (int i = from; i < to; i++) {
            units += Character.charCount(codePoints[i]);
            int l33t = codePoints[i] < 128 ? L33T_CHARACTERS.indexOf(codePoints[i]) : -1;
            if (l33t >= 0) {
                l33tSeen |= 1 << l33t;
            }
        }
        return units <= LONG_UTF16_UNITS && Integer.bitCount(l33tSeen) <= LONG_DISTINCT_L33T;
    }

    /** The shortest period of the first {@code limit} code points if it is at most half of them, else 0. */
    private static int period(int[] codePoints, int limit) {
        for (int period = 1; period <= limit / 2; period++) {
            int i = period;
            while (i < limit && codePoints[i] == codePoints[i - period]) {
                i++;
            }
            if (i == limit) {
                return period;
            }
        }
        return 0;
    }

    private static String text(int[] codePoints, int from, int to) {
        return new String(codePoints, from, to - from);
    }

    private static Set<String> load(String resource) {
        try (InputStream in = CommonPasswordBlocklist.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
