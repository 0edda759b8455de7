package dev.warden.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies an account. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static UserId parse(String text) {
        return new UserId(Uuids.parse(text, "userId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
