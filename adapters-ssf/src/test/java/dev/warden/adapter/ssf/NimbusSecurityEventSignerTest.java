package dev.warden.adapter.ssf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.application.port.out.SecurityEventSigner.PublishedKey;
import dev.warden.domain.SecurityEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SET signed here verifies with Nimbus' own verifier against the JWKS Warden publishes (the JSON
 * {@code GET /ssf/jwks} serves, built from {@link PublishedKey}s), and carries what SSF 1.0 asks for.
 */
class NimbusSecurityEventSignerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final URI ISSUER = URI.create("https://warden.example.com");
    private static final Instant IAT = Instant.parse("2026-12-06T10:15:30Z");
    private static final String SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    private static String newKey;
    private static String oldKey;

    @BeforeAll
    static void generateKeys() {
        newKey = SigningKeys.generatePem(RANDOM);
        oldKey = SigningKeys.generatePem(RANDOM);
    }

    private static SecurityEvent aSessionRevoked() {
        return new SecurityEvent("6f1c2a8e-2b7e-4c55-9a7e-0d3d0c1b2a10", IAT, "set-1", "event-42",
                Map.of("format", "complex",
                        "user", Map.of("format", "iss_sub", "iss", ISSUER.toString(), "sub", "user-7"),
                        "session", Map.of("format", "opaque", "id", "session-9")),
                SESSION_REVOKED,
                Map.of("event_timestamp", IAT.getEpochSecond(), "initiating_entity", "admin",
                        "reason_admin", Map.of("en", "ADMIN_TERMINATED")));
    }

    /** The JWKS as /ssf/jwks serves it (adapters-http's view of the same PublishedKeys). */
    private static JWKSet servedJwks(List<PublishedKey> keys) throws Exception {
        String json = keys.stream().map(k -> "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + k.kid()
                        + "\",\"n\":\"" + k.modulus() + "\",\"e\":\"" + k.exponent() + "\"}")
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        return JWKSet.parse(json);
    }

    private static boolean verifiesWith(JWKSet jwks, SignedJWT jwt) throws Exception {
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(((RSAKey) key).toRSAPublicKey()));
    }

    @Test
    void givenASignedSet_thenItVerifiesAgainstThePublishedJwksAndCarriesWhatSsfRequires() throws Exception {
        NimbusSecurityEventSigner signer = new NimbusSecurityEventSigner(ISSUER, SigningKeys.parse(newKey));

        SignedJWT jwt = SignedJWT.parse(signer.sign(aSessionRevoked()));

        assertTrue(verifiesWith(servedJwks(signer.publishedKeys()), jwt));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(new JOSEObjectType("secevent+jwt"), jwt.getHeader().getType());
        assertEquals(signer.publishedKeys().getFirst().kid(), jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("https://warden.example.com", claims.getIssuer());
        assertEquals(List.of("6f1c2a8e-2b7e-4c55-9a7e-0d3d0c1b2a10"), claims.getAudience());
        assertEquals(IAT, claims.getIssueTime().toInstant());
        assertEquals("set-1", claims.getJWTID());
        assertEquals("event-42", claims.getStringClaim("txn"));
        assertEquals("complex", claims.getJSONObjectClaim("sub_id").get("format"));
        Map<String, Object> events = claims.getJSONObjectClaim("events");
        assertEquals(List.of(SESSION_REVOKED), List.copyOf(events.keySet()));
        assertEquals("admin", ((Map<?, ?>) events.get(SESSION_REVOKED)).get("initiating_entity"));
        assertNull(claims.getSubject());
        assertNull(claims.getExpirationTime());
        assertFalse(claims.getClaims().containsKey("sub") || claims.getClaims().containsKey("exp"));
        // The aud of one receiver is a string on the wire, not a one-element array.
        String payload = new String(Base64.getUrlDecoder().decode(jwt.serialize().split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"aud\":\"6f1c2a8e-2b7e-4c55-9a7e-0d3d0c1b2a10\""), payload);
    }

    @Test
    void givenTwoKeys_thenTheFirstSignsAndBothArePublishedSoOldSetsStillVerify() throws Exception {
        NimbusSecurityEventSigner before = new NimbusSecurityEventSigner(ISSUER, SigningKeys.parse(oldKey));
        SignedJWT signedBeforeRotation = SignedJWT.parse(before.sign(aSessionRevoked()));
        NimbusSecurityEventSigner rotated = new NimbusSecurityEventSigner(ISSUER, SigningKeys.parse(newKey + oldKey));

        SignedJWT signedAfter = SignedJWT.parse(rotated.sign(aSessionRevoked()));

        List<PublishedKey> keys = rotated.publishedKeys();
        assertEquals(2, keys.size());
        assertEquals(keys.get(0).kid(), signedAfter.getHeader().getKeyID());
        assertEquals(keys.get(1).kid(), signedBeforeRotation.getHeader().getKeyID());
        assertNotEquals(keys.get(0).kid(), keys.get(1).kid());
        JWKSet jwks = servedJwks(keys);
        assertTrue(verifiesWith(jwks, signedAfter));
        assertTrue(verifiesWith(jwks, signedBeforeRotation));
    }

    @Test
    void theKeyIdIsTheRfc7638ThumbprintSoEveryInstanceAgrees() throws Exception {
        PublishedKey key = new NimbusSecurityEventSigner(ISSUER, SigningKeys.parse(newKey)).publishedKeys().getFirst();
        RSAKey publicOnly = (RSAKey) servedJwks(List.of(key)).getKeys().getFirst();

        assertEquals(publicOnly.computeThumbprint().toString(), key.kid());
        assertEquals("AQAB", key.exponent());
    }

    @Test
    void givenAKeyFile_thenItsKeysAreReadInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.pem");
        Files.writeString(file, "# rotated 2026-12-06\n" + newKey + "\n" + oldKey);

        SigningKeys keys = SigningKeys.read(file);

        assertEquals(2, keys.size());
        assertEquals(SigningKeys.parse(newKey).signing().getKeyID(), keys.signing().getKeyID());
        assertFalse(keys.toString().contains("PRIVATE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigningKeys.read(dir.resolve("missing.pem")))
                .getMessage().startsWith("cannot be read"));
    }

    @Test
    void givenUnusableKeys_thenOneLineSaysWhatIsWrong() throws Exception {
        assertEquals("holds no '-----BEGIN PRIVATE KEY-----' block",
                assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse("nothing here")).getMessage());
        String pkcs1 = newKey.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
                .replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse(newKey + pkcs1))
                .getMessage().startsWith("key 2 is a 'RSA PRIVATE KEY' block"));
        assertEquals("key 1 has 1024 bits; at least 2048 are needed",
                assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse(pem(rsa(1024)))).getMessage());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertEquals("key 1 is not an RSA private key in PKCS#8", assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.parse(pem(ec.generateKeyPair().getPrivate().getEncoded()))).getMessage());
        assertEquals("key 1 is not an RSA private key in PKCS#8", assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")).getMessage());
    }

    private static byte[] rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPrivate().getEncoded();
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void givenSetsSignedOnSeveralThreadsAtOnce_thenEachVerifiesAndCarriesItsOwnClaims() throws Exception {
        // Push delivery signs a batch on a thread per core with this one signer.
        NimbusSecurityEventSigner signer = new NimbusSecurityEventSigner(ISSUER, SigningKeys.parse(newKey));
        JWKSet jwks = servedJwks(signer.publishedKeys());
        SecurityEvent template = aSessionRevoked();
        List<SecurityEvent> events = IntStream.range(0, 200)
                .mapToObj(i -> new SecurityEvent(template.audience(), template.issuedAt(), "set-" + i, "event-" + i,
                        template.subjectId(), template.eventType(), template.eventFields()))
                .toList();

        List<String> sets;
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<String>> signing = events.stream()
                    .map(event -> threads.submit(() -> signer.sign(event))).toList();
            sets = new ArrayList<>();
            for (Future<String> set : signing) {
                sets.add(set.get());
            }
        }

        for (int i = 0; i < events.size(); i++) {
            SignedJWT jwt = SignedJWT.parse(sets.get(i));
            assertTrue(verifiesWith(jwks, jwt), "SET " + i + " does not verify");
            assertEquals("set-" + i, jwt.getJWTClaimsSet().getJWTID());
            assertEquals("event-" + i, jwt.getJWTClaimsSet().getStringClaim("txn"));
        }
    }
}
