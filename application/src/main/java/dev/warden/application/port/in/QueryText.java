package dev.warden.application.port.in;

/** The free-text filters of the list queries (q, ip): blank means "no filter", the rest is stripped. */
public final class QueryText {
    private QueryText() {
    }

    /** @return the stripped text, or null when there is none */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
