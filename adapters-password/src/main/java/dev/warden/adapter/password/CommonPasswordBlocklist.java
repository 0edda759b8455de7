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
 * <h2>What zxcvbn is shown</h2>
 *
 * zxcvbn's cost is not bounded by a password's length alone. Its l33t matcher tries every
 * combination of substitutions for the characters it knows as l33t ({@link #L33T_CHARACTERS}: the
 * digits and {@code @ ! | $ ( [ { < + %}), so the cost grows exponentially with how many distinct
 * ones a string holds, and besides with about the square of its length. zxcvbn 1.9.0 took 45 ms of
 * CPU for the 20 characters {@code 4@8(3691!|70$5%2+{[<}, 2.6-6 s for them repeated to 128, and
 * 10 ms for 128 random letters, where one Argon2id hash takes 18-28 ms. So zxcvbn is only ever
 * shown <em>affordable</em> stretches: at most 12 code points; or at most 16 UTF-16 units (what
 * zxcvbn counts) with at most 10 distinct l33t characters; or at most 24 with at most 8. The
 * costliest of each kind that a search found took about 10 ms.
 *
 * <ul>
 * <li>A password affordable as a whole is measured as a whole: the exact estimate, for nearly every
 * password people choose.</li>
 * <li>Otherwise only its first {@value #MEASURED_CODE_POINTS} code points count. If they repeat one
 * string, zxcvbn sees as many whole copies of it as are affordable, at least one: one call.</li>
 * <li>Otherwise zxcvbn sees consecutive stretches of them from the start, each as long as is
 * affordable and at least 12 code points, the last one being the last 12 (it may overlap the one
 * before): at most six calls.</li>
 * </ul>
 *
 * The password is too guessable unless some stretch reaches the threshold, and the first that does
 * ends the work. So at most one costly stretch is measured, after weak ones, which are cheap (a
 * weak string has little in it for the l33t matcher to combine): of the pathological inputs in
 * docs/benchmarks.md (section 7), the costliest took 9 ms, under half a hash.
 *
 * <p>Why a strong stretch proves the whole strong: a stretch of a password is never harder to
 * guess than the whole, since whoever has the whole has every stretch of it. zxcvbn's estimate
 * agrees except where a stretch cuts through a word or a repeat: the cut pieces then look like
 * random characters, and the stretch rates higher than the whole ({@code iloveyou12345678} is weak,
 * its last twelve {@code eyou12345678} are not). Hence stretches as long as the cost allows, the
 * whole password whenever it fits, and repeats measured in whole copies. On a corpus of 9,465 weak
 * passwords of 13 to 128 characters (words with digits and symbols, pairs of words, repeats), fixed
 * windows of twelve code points let 8,024 through; these rules let 2 through, two pairs of words
 * longer than 24 characters. The other way round, they refuse 76 of 20,615 passwords that zxcvbn
 * rates strong as a whole, all repeated three or four times (each copy weak), and they would refuse
 * any password whose first 72 code points are weak, however strong the rest. Both are passwords
 * worth refusing.
 */
public final class CommonPasswordBlocklist implements PasswordBlocklist {
    /**
     * The characters zxcvbn 1.9.0's l33t matcher substitutes for letters (its table in
     * {@code L33tMatcher}; a test compares).
     */
    static final String L33T_CHARACTERS = "4@8({[<3691!|0$5+7%2";
    /** A stretch of at most this many code points is always affordable. */
    static final int SHORT_CODE_POINTS = 12;
    /** A longer stretch is affordable up to this many UTF-16 units with up to ... */
    static final int MEDIUM_UTF16_UNITS = 16;
    /** ... this many distinct {@link #L33T_CHARACTERS}, */
    static final int MEDIUM_DISTINCT_L33T = 10;
    /** or up to this many UTF-16 units with up to ... */
    static final int LONG_UTF16_UNITS = 24;
    /** ... this many. */
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
                // The rest is short: the last stretch is the last twelve code points.
                stretches.add(text(codePoints, limit - SHORT_CODE_POINTS, limit));
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

    /** Whether zxcvbn's cost for these code points is bounded: the three kinds of the class comment. */
    private static boolean affordable(int[] codePoints, int from, int to) {
        if (to - from <= SHORT_CODE_POINTS) {
            return true;
        }
        int units = 0;
        int l33tSeen = 0; // one bit per character of L33T_CHARACTERS
        for (int i = from; i < to; i++) {
            units += Character.charCount(codePoints[i]);
            int index = codePoints[i] < 128 ? L33T_CHARACTERS.indexOf(codePoints[i]) : -1;
            if (index >= 0) {
                l33tSeen |= 1 << index;
            }
        }
        int l33t = Integer.bitCount(l33tSeen);
        return units <= MEDIUM_UTF16_UNITS && l33t <= MEDIUM_DISTINCT_L33T
                || units <= LONG_UTF16_UNITS && l33t <= LONG_DISTINCT_L33T;
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
