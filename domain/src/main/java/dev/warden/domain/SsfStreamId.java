package dev.warden.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a Shared Signals event stream: its {@code stream_id}, unique among all streams. */
public record SsfStreamId(UUID value) {
    public SsfStreamId {
        Objects.requireNonNull(value, "value");
    }

    public static SsfStreamId random() {
        return new SsfStreamId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static SsfStreamId parse(String text) {
        return new SsfStreamId(Uuids.parse(text, "stream_id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
