package dev.warden.domain;

/**
 * Text from outside made safe to keep: control characters and unpaired surrogates (which
 * PostgreSQL cannot store, or which have no UTF-8 form) become U+FFFD, and the length is capped
 * in code points without splitting a pair, with {@link #CUT_MARKER} showing that it was cut.
 */
public final class BoundedText {
    /** Ends text that was cut: one code point past the limit, so a cut name is longer than any account's. */
    public static final String CUT_MARKER = "\u2026";
    static final char REPLACEMENT = '\uFFFD';

    private BoundedText() {
    }

    /**
     * @param maxCodePoints how many code points to keep; longer text keeps that many plus the marker
     * @return null for null, else the cleaned, capped text
     */
    public static String cap(String text, int maxCodePoints) {
        if (text == null) {
            return null;
        }
        String clean = replaceUnsafe(text);
        if (clean.codePointCount(0, clean.length()) <= maxCodePoints) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, maxCodePoints)) + CUT_MARKER;
    }

    /** Control characters (C0, DEL, C1) and unpaired surrogates replaced by U+FFFD. */
    public static String replaceUnsafe(String text) {
        if (!hasUnsafe(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            out.appendCodePoint(isUnsafe(codePoint) ? REPLACEMENT : codePoint);
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** Whether the text holds a control character (C0, DEL, C1) or an unpaired surrogate. */
    public static boolean hasUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isUnsafe(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    // codePointAt answers a lone surrogate as itself; a proper pair comes back as one supplementary code point.
    private static boolean isUnsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE;
    }
}
