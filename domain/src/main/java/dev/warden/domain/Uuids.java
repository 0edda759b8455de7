package dev.warden.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: {@link UUID#fromString} accepts shortened forms such as "1-2-3-4-5". */
public final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** @throws IllegalArgumentException naming the field when the text is not a canonical UUID */
    public static UUID parse(String text, String field) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " must be a UUID");
        }
        return UUID.fromString(text);
    }
}
