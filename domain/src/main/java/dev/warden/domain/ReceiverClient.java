package dev.warden.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered receiver: an OAuth client of the Shared Signals transmitter, with the hash of its
 * secret. Revoking it is for good: its tokens stop at once and it is never active again.
 *
 * @param createdBy the administrator who registered it
 * @param revokedAt when it was revoked; null while active
 */
public record ReceiverClient(ReceiverClientId id, String name, TokenHash secretHash, Instant createdAt,
                             UserId createdBy, Instant revokedAt) {
    /** The longest name, in code points. */
    public static final int MAX_NAME_LENGTH = 100;

    public ReceiverClient {
        Objects.requireNonNull(id, "id");
        name = requireName(name);
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /**
     * A name as an administrator typed it: trimmed, 1 to {@value #MAX_NAME_LENGTH} characters, no
     * control characters (it is shown in the console and written to the audit log).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String requireName(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        String name = typed.strip();
        if (BoundedText.hasUnsafe(name)) {
            throw new IllegalArgumentException("name must not contain control characters");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    public boolean active() {
        return revokedAt == null;
    }

    public ReceiverClient revokedAt(Instant at) {
        return new ReceiverClient(id, name, secretHash, createdAt, createdBy, Objects.requireNonNull(at, "at"));
    }
}
