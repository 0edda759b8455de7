package dev.warden.application.port.in;

import java.util.Locale;

/** The direction of a sorted list: {@code order=asc} or {@code order=desc}. */
public enum SortOrder {
    ASC, DESC;

    /** @throws InvalidRequest when the text is neither asc nor desc */
    public static SortOrder fromApiName(String name) {
        return switch (name) {
            case "asc" -> ASC;
            case "desc" -> DESC;
            default -> throw new InvalidRequest("order must be asc or desc.");
        };
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
