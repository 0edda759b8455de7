package dev.warden.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How a stream's SETs reach its receiver: polled by the receiver (RFC 8936; the endpoint is
 * Warden's) or pushed to the receiver's endpoint (RFC 8935) with the {@code authorization_header}
 * the receiver gave, which is a credential: kept, sent with each push, never shown again.
 *
 * @param endpointUrl         the push endpoint; null for poll
 * @param authorizationHeader the push requests' Authorization value; null when none (or poll)
 */
public record SsfDelivery(Method method, URI endpointUrl, String authorizationHeader) {
    /** The longest push endpoint and authorization header, in characters. */
    public static final int MAX_LENGTH = 2048;

    public enum Method {
        POLL("urn:ietf:rfc:8936"), PUSH("urn:ietf:rfc:8935");

        private final String urn;

        Method(String urn) {
            this.urn = urn;
        }

        /** The method as SSF names it on the wire. */
        public String urn() {
            return urn;
        }

        /** The name stored and shown to administrators: {@code poll} or {@code push}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException unless a supported method URN */
        public static Method ofUrn(String urn) {
            return Arrays.stream(values()).filter(m -> m.urn.equals(urn)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("delivery.method must be urn:ietf:rfc:8935 (push)"
                            + " or urn:ietf:rfc:8936 (poll)"));
        }
    }

    /** Polling: the default when a stream is created without {@code delivery} (SSF 1.0 section 8.1.1.1). */
    public static final SsfDelivery POLL = new SsfDelivery(Method.POLL, null, null);

    public SsfDelivery {
        Objects.requireNonNull(method, "method");
        if (method == Method.POLL && (endpointUrl != null || authorizationHeader != null)) {
            throw new IllegalArgumentException("a poll stream's endpoint_url is Warden's; send neither"
                    + " delivery.endpoint_url nor delivery.authorization_header");
        }
        if (method == Method.PUSH && endpointUrl == null) {
            throw new IllegalArgumentException("delivery.endpoint_url is required for push delivery");
        }
    }

    /**
     * A delivery as a receiver asked for it.
     *
     * @param allowHttp whether an {@code http://} push endpoint is accepted (WARDEN_SSF_ALLOW_HTTP, dev and tests)
     * @throws IllegalArgumentException saying what is wrong, never echoing the authorization header
     */
    public static SsfDelivery requested(String methodUrn, String endpointUrl, String authorizationHeader,
            boolean allowHttp) {
        Method method = Method.ofUrn(methodUrn);
        if (method == Method.POLL) {
            if (endpointUrl != null || authorizationHeader != null) {
                throw new IllegalArgumentException("a poll stream's endpoint_url is Warden's; send neither"
                        + " delivery.endpoint_url nor delivery.authorization_header");
            }
            return POLL;
        }
        if (endpointUrl == null) {
            throw new IllegalArgumentException("delivery.endpoint_url is required for push delivery");
        }
        if (authorizationHeader != null && (authorizationHeader.isBlank() || authorizationHeader.length() > MAX_LENGTH
                || BoundedText.hasUnsafe(authorizationHeader))) {
            throw new IllegalArgumentException("delivery.authorization_header must be 1 to " + MAX_LENGTH
                    + " characters without control characters");
        }
        return new SsfDelivery(method, pushEndpoint(endpointUrl, allowHttp), authorizationHeader);
    }

    private static URI pushEndpoint(String text, boolean allowHttp) {
        String must = "delivery.endpoint_url must be an absolute " + (allowHttp ? "http:// or https://" : "https://")
                + " URL with a host, without user information or fragment, at most " + MAX_LENGTH + " characters";
        if (text.length() > MAX_LENGTH || BoundedText.hasUnsafe(text)) {
            throw new IllegalArgumentException(must);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(must);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || (allowHttp && scheme.equals("http"));
        if (!schemeOk || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(must);
        }
        return uri;
    }

    @Override
    public String toString() {
        return "SsfDelivery[" + method.text() + (endpointUrl == null ? "" : " to " + endpointUrl)
                + (authorizationHeader == null ? "" : ", authorization redacted") + "]";
    }
}
