package dev.warden.domain;

import java.util.Objects;

/**
 * Where a request came from: the client IP (socket peer, or X-Forwarded-For from a trusted
 * proxy) and the User-Agent header, trimmed to a length a table can hold, with control characters
 * replaced (see {@link BoundedText}): a header is the client's to choose.
 */
public record ClientInfo(String ipAddress, String userAgent) {
    public static final int MAX_USER_AGENT_LENGTH = 512;

    public ClientInfo {
        Objects.requireNonNull(ipAddress, "ipAddress");
        if (ipAddress.isBlank()) {
            throw new IllegalArgumentException("ipAddress must not be blank");
        }
        userAgent = userAgent == null ? "" : BoundedText.cap(userAgent.strip(), MAX_USER_AGENT_LENGTH);
    }
}
