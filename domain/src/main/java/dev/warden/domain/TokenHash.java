package dev.warden.domain;

import java.util.Objects;

/** SHA-256 of a session token, base64url: what the session store keeps and looks up by. */
public record TokenHash(String value) {
    public TokenHash {
        Objects.requireNonNull(value, "value");
        if (value.length() != 43) {
            throw new IllegalArgumentException("value must be a base64url SHA-256 (43 characters)");
        }
    }
}
