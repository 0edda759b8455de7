package dev.warden.adapter.ssf;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.domain.SecurityEvent;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs SETs with Nimbus JOSE+JWT: header {@code alg} RS256, {@code typ} "secevent+jwt" (RFC 8417
 * section 2.3), {@code kid} of the first key; claims {@code iss} (WARDEN_PUBLIC_URL), {@code aud},
 * {@code iat}, {@code jti}, {@code txn}, {@code sub_id} and {@code events} with exactly one event.
 * Never {@code sub} or {@code exp}: SSF 1.0 puts the subject in {@code sub_id}, and a SET does not
 * expire. Thread-safe: the signer makes a new {@code Signature} for every call.
 */
public final class NimbusSecurityEventSigner implements SecurityEventSigner {
    static final JOSEObjectType SECEVENT = new JOSEObjectType("secevent+jwt");

    private final String issuer;
    private final SigningKeys keys;
    private final JWSHeader header;
    private final RSASSASigner signer;
    private final List<PublishedKey> published;

    /** @param issuer WARDEN_PUBLIC_URL, as the SETs' {@code iss} */
    public NimbusSecurityEventSigner(URI issuer, SigningKeys keys) {
        this.issuer = Objects.requireNonNull(issuer, "issuer").toString();
        this.keys = Objects.requireNonNull(keys, "keys");
        RSAKey signing = keys.signing();
        this.header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(SECEVENT).keyID(signing.getKeyID()).build();
        try {
            this.signer = new RSASSASigner(signing);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key cannot sign RS256: " + e.getMessage(), e);
        }
        this.published = keys.keys().stream()
                .map(key -> new PublishedKey(key.getKeyID(), key.getModulus().toString(),
                        key.getPublicExponent().toString()))
                .toList();
    }

    @Override
    public String sign(SecurityEvent event) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(event.audience())
                .issueTime(Date.from(event.issuedAt()))
                .jwtID(event.jti())
                .claim("txn", event.txn())
                .claim("sub_id", event.subjectId())
                .claim("events", Map.of(event.eventType(), event.eventFields()))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a SET failed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return published;
    }

    @Override
    public String toString() {
        return "NimbusSecurityEventSigner[iss=" + issuer + ", " + keys + "]";
    }
}
