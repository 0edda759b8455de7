package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.adapter.ssf.NimbusSecurityEventSigner;
import dev.warden.adapter.ssf.SigningKeys;
import dev.warden.domain.SecurityEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver's first steps against the running service, as the specs tell it to take them: the
 * RFC 8414 metadata, a client registered by the owner, a client-credentials token, and the JWKS,
 * which verifies a SET signed with the service's key file (the signer the service wires, over the
 * same file), after a key rotation too. The token and client rows are in PostgreSQL as hashes only.
 */
class SsfReceiverIT {
    private static final String PUBLIC_URL = "http://127.0.0.1:8080";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void aReceiverRegistersGetsATokenAndVerifiesSetsWithTheServedJwks_acrossAKeyRotation() throws Exception {
        String oldKey = SigningKeys.generatePem(RANDOM);
        String newKey = SigningKeys.generatePem(RANDOM);
        Path keys = Files.writeString(dir.resolve("ssf-keys.pem"), newKey + oldKey);
        try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_PUBLIC_URL", PUBLIC_URL,
                "WARDEN_SSF_ALLOW_HTTP", "true", "WARDEN_SSF_SIGNING_KEY_FILE", keys.toString()))) {
            ApiClient api = warden.client();

            JsonNode metadata = api.get("/.well-known/oauth-authorization-server", null).json();
            assertEquals(PUBLIC_URL, metadata.path("issuer").asText());
            assertEquals(PUBLIC_URL + "/oauth2/token", metadata.path("token_endpoint").asText());

            ApiClient.Response registered = api.post("/api/admin/ssf/clients", warden.ownerToken(),
                    "{\"name\":\"Security lake\"}");
            assertEquals(201, registered.status(), registered.body());
            String clientId = registered.json().path("clientId").asText();
            String secret = registered.json().path("clientSecret").asText();

            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            java.net.http.HttpResponse<String> token = tokenRequest(warden, basic);
            assertEquals(200, token.statusCode(), token.body());
            JsonNode tokenJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(token.body());
            assertEquals("Bearer", tokenJson.path("token_type").asText());
            String accessToken = tokenJson.path("access_token").asText();
            assertEquals(1, TestPostgres.queryLong("SELECT count(*) FROM oauth_access_tokens"));
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM oauth_access_tokens WHERE token_hash = '"
                    + accessToken + "'"), "only the hash is stored");
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM ssf_clients WHERE secret_hash = '"
                    + secret + "'"), "only the hash is stored");

            JWKSet jwks = JWKSet.parse(api.get("/ssf/jwks", null).body());
            assertEquals(2, jwks.getKeys().size());
            SignedJWT fresh = SignedJWT.parse(signer(newKey + oldKey).sign(aSet(clientId)));
            SignedJWT beforeRotation = SignedJWT.parse(signer(oldKey).sign(aSet(clientId)));
            assertTrue(verifies(jwks, fresh), "signed with the first key");
            assertTrue(verifies(jwks, beforeRotation), "the old key is still published");
            assertEquals(jwks.getKeys().getFirst().getKeyID(), fresh.getHeader().getKeyID());
            assertEquals(PUBLIC_URL, fresh.getJWTClaimsSet().getIssuer());

            assertEquals(204, api.delete("/api/admin/ssf/clients/" + clientId, warden.ownerToken()).status());
            assertEquals(0, TestPostgres.queryLong("SELECT count(*) FROM oauth_access_tokens"),
                    "a revoked client's tokens are deleted");
            assertEquals(401, tokenRequest(warden, basic).statusCode(), "a revoked client gets no token");
            assertFalse(api.get("/api/admin/audit?type=SSF_CLIENT_CREATED", warden.ownerToken()).json()
                    .path("items").isEmpty());
        }
    }

    /** The client-credentials request, client_secret_basic, as a form (ApiClient sends JSON). */
    private static java.net.http.HttpResponse<String> tokenRequest(RunningWarden warden, String basic) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create(warden.baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    private static NimbusSecurityEventSigner signer(String pem) {
        return new NimbusSecurityEventSigner(URI.create(PUBLIC_URL), SigningKeys.parse(pem));
    }

    private static SecurityEvent aSet(String clientId) {
        return new SecurityEvent(clientId, Instant.now(), "set-" + RANDOM.nextInt(), "event-1",
                Map.of("format", "opaque", "id", "stream-1"),
                "https://schemas.openid.net/secevent/ssf/event-type/verification", Map.of("state", "abc"));
    }

    private static boolean verifies(JWKSet jwks, SignedJWT set) throws Exception {
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(set.getHeader().getKeyID());
        return key != null && set.verify(new RSASSAVerifier(key.toRSAPublicKey()));
    }
}
