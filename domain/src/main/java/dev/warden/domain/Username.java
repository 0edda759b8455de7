package dev.warden.domain;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A login name: NFKC-normalised, 1 to {@value #MAX_LENGTH} characters (code points) of letters,
 * digits and {@code . _ - @}. Kept as typed; uniqueness is case-insensitive (the store compares
 * lower case).
 */
public record Username(String value) {
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._@-]{1," + MAX_LENGTH + "}");

    public Username {
        Objects.requireNonNull(value, "username");
        value = normalize(value);
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "username must be 1 to " + MAX_LENGTH + " letters, digits or . _ - @ characters");
        }
    }

    /**
     * What a login looks up for the text typed into the username field, and what its audit entry
     * records: normalised exactly as an account's name is when it is created (so {@code ﬁnn} finds
     * {@code finn}), with control characters and unpaired surrogates replaced by U+FFFD, and cut to
     * {@value #MAX_LENGTH} characters plus {@link BoundedText#CUT_MARKER}. A cut name is longer than
     * any account's and a replaced one holds a character no username may, so neither matches an
     * account; the caller still runs its decoy hash for them.
     *
     * @param typed as received; null counts as empty
     * @return never null, at most {@value #MAX_LENGTH} + 1 code points
     */
    public static String lookupForm(String typed) {
        return typed == null ? "" : BoundedText.cap(normalize(typed), MAX_LENGTH);
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
    }
}
