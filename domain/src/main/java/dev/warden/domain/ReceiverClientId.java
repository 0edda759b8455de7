package dev.warden.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a receiver: an OAuth client of the Shared Signals transmitter. It is the client's
 * {@code client_id} at the token endpoint and the {@code aud} of every SET its streams receive.
 */
public record ReceiverClientId(UUID value) {
    public ReceiverClientId {
        Objects.requireNonNull(value, "value");
    }

    public static ReceiverClientId random() {
        return new ReceiverClientId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static ReceiverClientId parse(String text) {
        return new ReceiverClientId(Uuids.parse(text, "clientId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
