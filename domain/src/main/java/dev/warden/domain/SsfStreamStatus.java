package dev.warden.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * A stream's status (SSF 1.0 section 8.1.2): {@code enabled} delivers, {@code paused} holds what it
 * would deliver, {@code disabled} neither delivers nor holds anything.
 */
public enum SsfStreamStatus {
    ENABLED, PAUSED, DISABLED;

    /** The name on the wire, e.g. {@code paused}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether events for the stream are kept (enabled: until delivered; paused: until enabled). */
    public boolean keepsEvents() {
        return this != DISABLED;
    }

    /** @throws IllegalArgumentException unless one of enabled, paused, disabled */
    public static SsfStreamStatus parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of enabled, paused, disabled"));
    }
}
