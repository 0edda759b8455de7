package dev.warden.domain;

import java.util.UUID;

/** Strict UUID parsing: {@link UUID#fromString} accepts shortened forms such as "1-2-3-4-5". */
public final class Uuids {
    private Uuids() {
    }

    /** @throws IllegalArgumentException naming the field when the text is not a canonical UUID */
    public static UUID parse(String text, String field) {
        if (!isCanonical(text)) {
            throw new IllegalArgumentException(field + " must be a UUID");
        }
        return UUID.fromString(text);
    }

    /**
     * 8-4-4-4-12 hex digits. Checked by hand, not with a regular expression: every event the alarm
     * topology reads parses several ids, and the matcher was a measurable share of its thread.
     */
    private static boolean isCanonical(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
