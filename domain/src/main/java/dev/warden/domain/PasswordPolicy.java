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
 *
 * <p>The checks come in two steps of very different cost. {@link #checkShape} is cheap and bounded
 * for any input: length, control characters, username. The blocklist (the estimate) costs
 * milliseconds of CPU, so a caller that must first prove something (the current password on a
 * change) calls {@code checkShape} before that proof and {@link #check} only after it.
 */
public final class PasswordPolicy {
    public static final int MIN_CODE_POINTS = 12;
    public static final int MAX_CODE_POINTS = 128;
    /**
     * Raw input longer than this many code points is refused as too long without being normalised:
     * NFKC's cost grows with the square of a run of combining marks (a + 32,000 alternating U+0301
     * and U+0316 took 200 ms), and no such input can normalise to {@link #MAX_CODE_POINTS} anyway.
     * NFKC can shrink its input, by composing a character from the marks that follow it, but never
     * below a quarter (the longest canonical decomposition, U+1F82's, is four code points); eight
     * times the maximum leaves room to spare.
     */
    public static final int MAX_INPUT_CODE_POINTS = 8 * MAX_CODE_POINTS;
    /** A password estimated to fall within fewer guesses than this is too guessable to be chosen. */
    public static final double MIN_GUESSES = 1e6;

    private PasswordPolicy() {
    }

    /**
     * The form that is measured, checked and hashed, so that equivalent inputs are one password.
     * It never refuses anything (a login compares what it gets); callers that take untrusted input
     * ask {@link #isOverlong} first, as {@link #checkShape} does.
     */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Whether raw, not yet normalised input is too long to be worth normalising: more than
     * {@link #MAX_INPUT_CODE_POINTS} code points. Such input can never be a valid password, and a
     * login can treat it as a wrong one without normalising it.
     */
    public static boolean isOverlong(String raw) {
        Objects.requireNonNull(raw, "raw");
        // At least length / 2 code points, at most length: count only when the answer is in doubt.
        return raw.length() > MAX_INPUT_CODE_POINTS
                && (raw.length() > 2 * MAX_INPUT_CODE_POINTS
                        || raw.codePointCount(0, raw.length()) > MAX_INPUT_CODE_POINTS);
    }

    /**
     * The cheap rules, bounded for any input: length, control characters, the username. Everything
     * but the blocklist.
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
        if (containsUsername(normalized, username)) {
            throw new PasswordRejected(PasswordRejected.Rule.CONTAINS_USERNAME,
                    "Password must not contain the username.");
        }
        return normalized;
    }

    /**
     * Every rule: {@link #checkShape}, then the blocklist.
     *
     * @param isBlocklisted answers for the normalised password
     * @return the normalised password, ready to hash
     * @throws PasswordRejected naming the rule that failed
     */
    public static String check(String username, String password, Predicate<String> isBlocklisted) {
        Objects.requireNonNull(password, "password");
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

    /**
     * Whether the normalised password contains the username, ignoring case. A username too long to
     * normalise cheaply ({@link #isOverlong}) normalises to more than {@link #MAX_CODE_POINTS} code
     * points, so it cannot be inside a password that passed the length rule.
     */
    private static boolean containsUsername(String normalizedPassword, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String stripped = username.strip();
        if (isOverlong(stripped)) {
            return false;
        }
        return lower(normalizedPassword).contains(lower(normalize(stripped)));
    }

    private static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
