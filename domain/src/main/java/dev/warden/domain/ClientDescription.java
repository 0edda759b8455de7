package dev.warden.domain;

import java.util.Objects;

/**
 * A session's client as a person reads it, parsed from the User-Agent header: browser and version,
 * operating system and version, and the kind of device. Every part is always present, so a list,
 * an export or an event consumer never has to tell a missing field from an unknown one: a name that
 * could not be recognised is {@value #UNKNOWN_NAME}, a version that could not be recognised is empty
 * (so "browser version" reads as just the browser), and the kind is {@link DeviceType#UNKNOWN}.
 * Parts are kept short ({@value #MAX_PART_LENGTH} code points): they come from text the client chose.
 */
public record ClientDescription(String browser, String browserVersion, String os, String osVersion,
                                DeviceType deviceType) {
    public static final String UNKNOWN_NAME = "Unknown";
    public static final int MAX_PART_LENGTH = 64;
    /** What an empty, garbled or unrecognised user agent is described as. */
    public static final ClientDescription UNKNOWN =
            new ClientDescription(UNKNOWN_NAME, "", UNKNOWN_NAME, "", DeviceType.UNKNOWN);

    public ClientDescription {
        Objects.requireNonNull(deviceType, "deviceType");
        browser = name(browser);
        browserVersion = part(browserVersion);
        os = name(os);
        osVersion = part(osVersion);
    }

    private static String name(String text) {
        String part = part(text);
        return part.isEmpty() ? UNKNOWN_NAME : part;
    }

    private static String part(String text) {
        return text == null ? "" : BoundedText.cap(text.strip(), MAX_PART_LENGTH);
    }
}
