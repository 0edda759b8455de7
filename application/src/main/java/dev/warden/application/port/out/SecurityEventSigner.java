package dev.warden.application.port.out;

import dev.warden.domain.SecurityEvent;
import java.util.List;

/**
 * Signs Security Event Tokens for the receivers (RS256, {@code typ} "secevent+jwt", the signing
 * key's {@code kid}, {@code iss} the transmitter's public URL) and says which public keys verify
 * them. The first configured key signs; every configured key is published, so a receiver keeps
 * verifying SETs signed before a rotation.
 */
public interface SecurityEventSigner {
    /** A signer for a Warden without a public URL: it publishes no key and signs nothing. */
    SecurityEventSigner NONE = new SecurityEventSigner() {
        @Override
        public String sign(SecurityEvent event) {
            throw new IllegalStateException("Shared Signals is off: WARDEN_PUBLIC_URL is not set");
        }

        @Override
        public List<PublishedKey> publishedKeys() {
            return List.of();
        }
    };

    /** @return the SET in JWS compact serialisation */
    String sign(SecurityEvent event);

    /** The public keys, the signing one first. */
    List<PublishedKey> publishedKeys();

    /**
     * An RSA public key as a JWK publishes it (RFC 7517, RFC 7518 section 6.3.1).
     *
     * @param kid      the key id: its RFC 7638 thumbprint
     * @param modulus  {@code n}, base64url without padding
     * @param exponent {@code e}, base64url without padding
     */
    record PublishedKey(String kid, String modulus, String exponent) {
        public PublishedKey {
            java.util.Objects.requireNonNull(kid, "kid");
            java.util.Objects.requireNonNull(modulus, "modulus");
            java.util.Objects.requireNonNull(exponent, "exponent");
        }
    }
}
