package dev.warden.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a session; public, unlike its token. */
public record SessionId(UUID value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static SessionId parse(String text) {
        return new SessionId(Uuids.parse(text, "sessionId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
