package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A receiver as the SSF tests play it: registered by the owner, with a client-credentials token
 * (both scopes), and the checks it makes on every SET it gets, polled or pushed.
 */
record SsfTestReceiver(String clientId, String token) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SsfTestReceiver register(RunningWarden warden, String name) throws Exception {
        ApiClient.Response registered = warden.client().post("/api/admin/ssf/clients", warden.ownerToken(),
                "{\"name\":\"" + name + "\"}");
        assertEquals(201, registered.status(), registered.body());
        String clientId = registered.json().path("clientId").asText();
        String basic = Base64.getEncoder().encodeToString((clientId + ":"
                + registered.json().path("clientSecret").asText()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(warden.baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> token = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());
            return new SsfTestReceiver(clientId, JSON.readTree(token.body()).path("access_token").asText());
        }
    }

    /**
     * The checks a receiver makes on every SET (SSF 1.0 section 4, RFC 8417): signature by a served
     * key, header, and claims.
     *
     * @param jti the jti the SET must carry; null to take the SET's own
     */
    JWTClaimsSet verifiedClaims(JWKSet jwks, String compact, String issuer, String jti) throws Exception {
        SignedJWT set = SignedJWT.parse(compact);
        assertEquals(JWSAlgorithm.RS256, set.getHeader().getAlgorithm());
        assertEquals(new JOSEObjectType("secevent+jwt"), set.getHeader().getType());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(set.getHeader().getKeyID());
        assertTrue(key != null && set.verify(new RSASSAVerifier(key.toRSAPublicKey())), "signed by a served key");
        JWTClaimsSet claims = set.getJWTClaimsSet();
        assertEquals(issuer, claims.getIssuer());
        assertEquals(List.of(clientId), claims.getAudience());
        assertTrue(claims.getJWTID() != null && !claims.getJWTID().isBlank(), "jti");
        if (jti != null) {
            assertEquals(jti, claims.getJWTID());
        }
        assertTrue(claims.getIssueTime() != null, "iat");
        assertTrue(claims.getStringClaim("txn") != null && !claims.getStringClaim("txn").isBlank(), "txn");
        assertTrue(claims.getJSONObjectClaim("sub_id") != null, "sub_id");
        assertEquals(1, claims.getJSONObjectClaim("events").size(), "exactly one event");
        assertNull(claims.getSubject(), "never sub");
        assertNull(claims.getExpirationTime(), "never exp");
        return claims;
    }
}
