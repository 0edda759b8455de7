package dev.warden.domain;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A login name: NFKC-normalised, 1 to 64 characters of letters, digits and {@code . _ - @}.
 * Kept as typed; uniqueness is case-insensitive (the store compares lower case).
 */
public record Username(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    public Username {
        Objects.requireNonNull(value, "username");
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "username must be 1 to 64 letters, digits or . _ - @ characters");
        }
    }
}
