package dev.warden.domain;

import java.util.Locale;

/**
 * What kind of client a session was opened from, as the user agent names it: the five kinds the
 * contract fixes. A kind the parser knows but these do not cover (a TV, a game console) is
 * {@link #UNKNOWN}; so is a client that says nothing usable.
 */
public enum DeviceType {
    DESKTOP, MOBILE, TABLET, BOT, UNKNOWN;

    /** The name on the wire (API and events): lower case, {@code desktop} ... {@code unknown}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
