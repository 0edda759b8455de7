package dev.warden.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * NIST SP 800-63B password rules: 12 to 128 Unicode code points after NFKC normalisation, any
 * printable character and spaces, no composition rules; refused when it contains the username or
 * is on the blocklist of common and compromised passwords. The blocklist itself lives behind a
 * port; this class only asks it.
 *
 * <p>What counts as common is decided here too: a password on the shipped list of well-known
 * passwords, or one that a guess estimator (zxcvbn, which knows dictionary words, keyboard walks,
 * repeats and dates with their usual substitutions) expects to fall within {@link #MIN_GUESSES}
 * guesses, a million ({@link #isTooGuessable}). That is zxcvbn's score 0 or 1: within reach of an
 * online attack despite throttling. The blocklist adapter only computes the estimate and asks.
 */
public final class PasswordPolicy {
    public static final int MIN_CODE_POINTS = 12;
    public static final int MAX_CODE_POINTS = 128;
    /** A password estimated to fall within fewer guesses than this is too guessable to be chosen. */
    public static final double MIN_GUESSES = 1e6;
    /**
     * Raw input longer than this is refused before NFKC normalisation, whose canonical reordering is
     * quadratic on long runs of combining marks. Eight times the maximum: NFKC may shrink composed input.
     */
    public static final int MAX_INPUT_CODE_POINTS = 8 * MAX_CODE_POINTS;

    private PasswordPolicy() {
    }

    /** The form that is measured, checked and hashed, so that equivalent inputs are one password. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Whether raw input is too long to be a password at all (refused without normalising it). */
    public static boolean isOverlong(String raw) {
        return raw.length() > 2 * MAX_INPUT_CODE_POINTS
                || raw.codePointCount(0, raw.length()) > MAX_INPUT_CODE_POINTS;
    }

    /**
     * The cheap rules only (length, characters, username), for callers that must do other work
     * before the strength estimate (an own password change proves the current password first).
     *
     * @return the normalised password
     * @throws PasswordRejected naming the rule that failed
     */
    public static String checkShape(String username, String password) {
        Objects.requireNonNull(password, "password");
        if (isOverlong(password)) {
            throw new PasswordRejected(PasswordRejected.Rule.TOO_LONG,
                    "Password must be at most " + MAX_CODE_POINTS + " characters long.");
        }
        String normalized = normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_CODE_POINTS) {
            throw new PasswordRejected(PasswordRejected.Rule.TOO_SHORT,
                    "Password must be at least " + MIN_CODE_POINTS + " characters long (it has " + length + ").");
        }
        if (length > MAX_CODE_POINTS) {
            throw new PasswordRejected(PasswordRejected.Rule.TOO_LONG,
                    "Password must be at most " + MAX_CODE_POINTS + " characters long (it has " + length + ").");
        }
        if (normalized.codePoints().anyMatch(PasswordPolicy::isControl)) {
            throw new PasswordRejected(PasswordRejected.Rule.UNPRINTABLE,
                    "Password must not contain control characters such as line breaks or tabs.");
        }
        if (username != null && !username.isBlank()
                && lower(normalized).contains(lower(normalize(username.strip())))) {
            throw new PasswordRejected(PasswordRejected.Rule.CONTAINS_USERNAME,
                    "Password must not contain the username.");
        }
        return normalized;
    }

    /**
     * @param isBlocklisted answers for the normalised password
     * @return the normalised password, ready to hash
     * @throws PasswordRejected naming the rule that failed
     */
    public static String check(String username, String password, Predicate<String> isBlocklisted) {
        Objects.requireNonNull(isBlocklisted, "isBlocklisted");
        String normalized = checkShape(username, password);
        if (isBlocklisted.test(normalized)) {
            throw new PasswordRejected(PasswordRejected.Rule.BLOCKLISTED,
                    "Password is too common or known to be compromised; choose another.");
        }
        return normalized;
    }

    /** Whether a password whose estimated guesses are {@code estimatedGuesses} counts as common. */
    public static boolean isTooGuessable(double estimatedGuesses) {
        return estimatedGuesses < MIN_GUESSES;
    }

    private static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
