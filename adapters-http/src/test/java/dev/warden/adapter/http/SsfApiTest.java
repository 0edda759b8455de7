package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapter.http.TestServer.Reply;
import dev.warden.application.fakes.FakeSecurityEventSigner;
import dev.warden.domain.ReceiverScope;
import io.helidon.http.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Receivers as OAuth clients (issue 19): registering and revoking them, the client-credentials
 * token endpoint with its RFC 6749 errors, the bearer check, the RFC 8414 metadata and the JWKS;
 * and all of it 404 while WARDEN_PUBLIC_URL is unset. The receiver use cases are the real ones over
 * in-memory stores (FakeWarden), so secrets, tokens and revocations behave as in production.
 */
class SsfApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String FORM = "application/x-www-form-urlencoded";

    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN).withPublicUrl("https://warden.example.com");
    @RegisterExtension
    static final ApiServer withoutPublicUrl = ApiServer.over(WARDEN);

    private static String[] admin() {
        return new String[] {"Authorization", "Bearer " + WARDEN.adminToken.reveal()};
    }

    private static JsonNode registered(String name) {
        Reply reply = server.post("/api/admin/ssf/clients", "{\"name\":\"" + name + "\"}", admin());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    private static Reply tokenByPost(JsonNode client, String extra) {
        return server.send("POST", "/oauth2/token", "grant_type=client_credentials&client_id="
                + client.get("clientId").asText() + "&client_secret=" + client.get("clientSecret").asText() + extra,
                "Content-Type", FORM);
    }

    private static Reply tokenByBasic(JsonNode client, String form) {
        return server.send("POST", "/oauth2/token", form, "Content-Type", FORM,
                "Authorization", basic(client.get("clientId").asText(), client.get("clientSecret").asText()));
    }

    /** Asserts an RFC 6749 section 5.2 error (JSON with error, never problem details, never cached). */
    private static void assertOAuthError(Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals(error, reply.json().get("error").asText(), reply.body());
        assertTrue(reply.json().get("error_description").isTextual());
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""));
        if (error.equals("invalid_client")) {
            assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="),
                    reply.headers().map().toString());
        }
    }

    // ---- registering, listing and revoking clients ----

    @Test
    void givenAnAdmin_whenRegisteringAClient_thenTheSecretIsShownOnceAndNeverListed() {
        JsonNode created = registered("  Security lake ");

        assertEquals(List.of("clientId", "clientSecret", "name", "createdAt"), TestServer.fieldNames(created));
        assertEquals("Security lake", created.get("name").asText());
        assertEquals(43, created.get("clientSecret").asText().length());
        Reply list = server.get("/api/admin/ssf/clients", admin());
        assertEquals(200, list.status());
        assertEquals("no-store", list.headers().firstValue("Cache-Control").orElse(""));
        JsonNode item = list.json().get("items").get(0);
        assertEquals(created.get("clientId"), item.get("clientId"));
        assertTrue(item.get("revokedAt").isNull());
        assertFalse(list.body().contains(created.get("clientSecret").asText()), "the secret is shown once");
        assertFalse(item.has("clientSecret"));
    }

    @Test
    void givenBadNames_whenRegistering_then400ProblemAndNoClient() {
        for (String body : List.of("{}", "{\"name\":\"   \"}", "{\"name\":\"" + "x".repeat(101) + "\"}",
                "{\"name\":\"bell\\u0007\"}", "{\"name\":42}", "{\"name\":\"a\",\"secret\":\"b\"}", "[]")) {
            Reply reply = server.post("/api/admin/ssf/clients", body, admin());
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertEquals("invalid-request", reply.problem());
        }
        assertEquals(0, server.get("/api/admin/ssf/clients", admin()).json().get("items").size());
    }

    @Test
    void givenAUserOrNoSession_thenTheClientRoutesAre403Or401() {
        String[] user = {"Authorization", "Bearer " + WARDEN.userToken.reveal()};
        assertEquals("forbidden", server.post("/api/admin/ssf/clients", "{\"name\":\"x\"}", user).problem());
        assertEquals("forbidden", server.get("/api/admin/ssf/clients", user).problem());
        assertEquals("unauthenticated", server.get("/api/admin/ssf/clients").problem());
        assertEquals("unauthenticated", server.delete("/api/admin/ssf/clients/" + java.util.UUID.randomUUID()).problem());
    }

    @Test
    void givenAStaleSession_whenRegisteringOrRevoking_then403ReauthenticationRequired() {
        JsonNode client = registered("SIEM");
        WARDEN.staleAdminSession();

        Reply register = server.post("/api/admin/ssf/clients", "{\"name\":\"Other\"}", admin());
        Reply revoke = server.delete("/api/admin/ssf/clients/" + client.get("clientId").asText(), admin());

        assertEquals(403, register.status());
        assertEquals("reauthentication-required", register.problem());
        assertEquals("reauthentication-required", revoke.problem());
        assertEquals(1, server.get("/api/admin/ssf/clients", admin()).json().get("items").size());
    }

    @Test
    void givenUnknownOrMalformedClientIds_whenRevoking_then404Or400() {
        Reply unknown = server.delete("/api/admin/ssf/clients/" + java.util.UUID.randomUUID(), admin());
        Reply malformed = server.delete("/api/admin/ssf/clients/not-a-uuid", admin());

        assertEquals(404, unknown.status());
        assertEquals("not-found", unknown.problem());
        assertEquals(400, malformed.status());
        assertEquals("invalid-request", malformed.problem());
    }

    // ---- the token endpoint ----

    @Test
    void givenClientSecretPost_thenABearerTokenWithBothScopesNotCached() {
        Reply reply = tokenByPost(registered("SIEM"), "");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", reply.headers().firstValue("Pragma").orElse(""));
        JsonNode token = reply.json();
        assertEquals(List.of("access_token", "token_type", "expires_in", "scope"), TestServer.fieldNames(token));
        assertEquals(43, token.get("access_token").asText().length());
        assertEquals("Bearer", token.get("token_type").asText());
        assertEquals(900, token.get("expires_in").asInt());
        assertEquals("ssf.manage ssf.read", token.get("scope").asText());
    }

    @Test
    void givenClientSecretBasic_thenTheRequestedScopeOnly() {
        Reply reply = tokenByBasic(registered("SIEM"), "grant_type=client_credentials&scope=ssf.read");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("ssf.read", reply.json().get("scope").asText());
    }

    @Test
    void givenBasicWithTheSameClientIdInTheForm_thenAccepted() {
        JsonNode client = registered("SIEM");
        Reply reply = tokenByBasic(client, "grant_type=client_credentials&client_id=" + client.get("clientId").asText());
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void givenAWrongSecretUnknownOrRevokedClient_then401InvalidClient() {
        JsonNode client = registered("SIEM");
        JsonNode revoked = registered("Gone");
        assertEquals(204, server.delete("/api/admin/ssf/clients/" + revoked.get("clientId").asText(), admin()).status());
        String id = client.get("clientId").asText();
        String otherSecret = registered("Other").get("clientSecret").asText();

        assertOAuthError(server.send("POST", "/oauth2/token", "grant_type=client_credentials&client_id=" + id
                + "&client_secret=" + otherSecret, "Content-Type", FORM), 401, "invalid_client");
        assertOAuthError(server.send("POST", "/oauth2/token", "grant_type=client_credentials", "Content-Type", FORM,
                "Authorization", basic(java.util.UUID.randomUUID().toString(), otherSecret)), 401, "invalid_client");
        assertOAuthError(tokenByPost(revoked, ""), 401, "invalid_client");
        assertOAuthError(tokenByBasic(revoked, "grant_type=client_credentials"), 401, "invalid_client");
    }

    /** Every malformed token request, with the RFC 6749 error it gets. */
    static Stream<Arguments> badTokenRequests() {
        return Stream.of(
                Arguments.of("no authentication at all", "grant_type=client_credentials", null, 401, "invalid_client"),
                Arguments.of("client_id without a secret", "grant_type=client_credentials&client_id=x", null, 401,
                        "invalid_client"),
                Arguments.of("not Basic", "grant_type=client_credentials", "Bearer abc", 401, "invalid_client"),
                Arguments.of("Basic not base64", "grant_type=client_credentials", "Basic ***", 401, "invalid_client"),
                Arguments.of("Basic without colon", "grant_type=client_credentials",
                        "Basic " + Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.UTF_8)), 401,
                        "invalid_client"),
                Arguments.of("no grant_type", "client_id=x&client_secret=y", null, 400, "invalid_request"),
                Arguments.of("grant_type twice", "grant_type=client_credentials&grant_type=client_credentials"
                        + "&client_id=x&client_secret=y", null, 400, "invalid_request"),
                Arguments.of("bad %-escape", "grant_type=client_credentials&client_id=%zz", null, 400, "invalid_request"),
                Arguments.of("password grant", "grant_type=password&username=a&password=b", null, 400,
                        "unsupported_grant_type"),
                Arguments.of("authorization_code grant", "grant_type=authorization_code&code=x", null, 400,
                        "unsupported_grant_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokenRequests")
    void givenAMalformedTokenRequest_thenTheRfc6749Error(String what, String form, String authorization, int status,
                                                         String error) {
        Reply reply = authorization == null
                ? server.send("POST", "/oauth2/token", form, "Content-Type", FORM)
                : server.send("POST", "/oauth2/token", form, "Content-Type", FORM, "Authorization", authorization);
        assertOAuthError(reply, status, error);
    }

    @Test
    void givenBothAuthenticationMethods_then400InvalidRequest() {
        JsonNode client = registered("SIEM");
        Reply reply = tokenByBasic(client, "grant_type=client_credentials&client_secret="
                + client.get("clientSecret").asText());
        assertOAuthError(reply, 400, "invalid_request");
        Reply otherId = tokenByBasic(client, "grant_type=client_credentials&client_id=" + java.util.UUID.randomUUID());
        assertOAuthError(otherId, 400, "invalid_request");
    }

    @Test
    void givenAnUnknownScope_then400InvalidScope() {
        JsonNode client = registered("SIEM");
        assertOAuthError(tokenByPost(client, "&scope=ssf.read+openid"), 400, "invalid_scope");
        assertOAuthError(tokenByPost(client, "&scope=ssf.read++ssf.manage"), 400, "invalid_scope");
    }

    @Test
    void givenANonFormBody_then400InvalidRequest() {
        JsonNode client = registered("SIEM");
        String json = "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + client.get("clientId").asText()
                + "\",\"client_secret\":\"" + client.get("clientSecret").asText() + "\"}";
        assertOAuthError(server.post("/oauth2/token", json), 400, "invalid_request");
        assertOAuthError(server.send("POST", "/oauth2/token", null), 400, "invalid_request");
        assertOAuthError(server.send("POST", "/oauth2/token", "", "Content-Type", FORM), 400, "invalid_request");
    }

    @Test
    void givenTooManyFailedClientAuthenticationsFromOneAddress_then429WithRetryAfter() {
        JsonNode client = registered("SIEM");
        String wrong = "grant_type=client_credentials&client_id=" + client.get("clientId").asText()
                + "&client_secret=" + "x".repeat(43);
        for (int i = 0; i < dev.warden.domain.LoginThrottlePolicy.DEFAULTS.failureLimit(); i++) {
            assertOAuthError(server.send("POST", "/oauth2/token", wrong, "Content-Type", FORM), 401, "invalid_client");
        }

        Reply refused = tokenByPost(client, "");

        assertOAuthError(refused, 429, "temporarily_unavailable");
        assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0")) >= 1);
    }

    @Test
    void givenASessionCookieOnly_thenTheTokenEndpointIgnoresIt() {
        Reply reply = server.send("POST", "/oauth2/token", "grant_type=client_credentials", "Content-Type", FORM,
                "Cookie", "__Host-warden_session=" + WARDEN.adminToken.reveal());
        assertOAuthError(reply, 401, "invalid_client");
    }

    @Test
    void givenOtherMethodsOnTheTokenEndpoint_then405() {
        Reply get = server.get("/oauth2/token");
        assertEquals(405, get.status());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    }

    // ---- the bearer check (what /ssf/streams will use) ----

    /** A server with one route behind the {@link ReceiverAuthenticator}, needing {@code scope}, as the stream routes will. */
    private static TestServer probeNeeding(ReceiverScope scope) {
        ReceiverAuthenticator authenticator = new ReceiverAuthenticator(WARDEN.useCases().authenticateReceiver());
        ApiRoutes probe = () -> List.of(new ApiRoute(Method.POST, "/ssf/probe", (req, res) ->
                res.send(authenticator.require(req, scope).clientId().toString())));
        return TestServer.startWith(probe);
    }

    private static String tokenOf(JsonNode client, String scope) {
        Reply reply = tokenByPost(client, scope == null ? "" : "&scope=" + scope);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("access_token").asText();
    }

    /** Asserts an RFC 6750 refusal: the status, the challenge with its error, and the JSON error. */
    private static void assertBearerRefusal(Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        String challenge = reply.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"warden\", error=\"" + error + "\""), challenge);
        assertEquals(error, reply.json().get("error").asText());
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void givenAWorkingToken_thenTheReceiverAuthenticatorNamesItsClientAndChecksTheScope() {
        JsonNode client = registered("SIEM");
        String readOnly = tokenOf(client, "ssf.read");
        try (TestServer reads = probeNeeding(ReceiverScope.SSF_READ);
             TestServer manages = probeNeeding(ReceiverScope.SSF_MANAGE)) {
            Reply allowed = reads.send("POST", "/ssf/probe", null, "Authorization", "Bearer " + readOnly);
            Reply insufficient = manages.send("POST", "/ssf/probe", null, "Authorization", "Bearer " + readOnly);

            assertEquals(200, allowed.status(), allowed.body());
            assertEquals(client.get("clientId").asText(), allowed.body());
            assertBearerRefusal(insufficient, 403, "insufficient_scope");
            assertTrue(insufficient.headers().firstValue("WWW-Authenticate").orElse("").endsWith("scope=\"ssf.manage\""));
        }
    }

    @Test
    void givenARevokedClient_thenItsTokenIsRefusedOnTheVeryNextCall() {
        JsonNode client = registered("SIEM");
        String token = tokenOf(client, null);
        try (TestServer probe = probeNeeding(ReceiverScope.SSF_MANAGE)) {
            assertEquals(200, probe.send("POST", "/ssf/probe", null, "Authorization", "Bearer " + token).status());

            assertEquals(204, server.delete("/api/admin/ssf/clients/" + client.get("clientId").asText(), admin()).status());

            assertBearerRefusal(probe.send("POST", "/ssf/probe", null, "Authorization", "Bearer " + token), 401,
                    "invalid_token");
        }
    }

    @Test
    void givenMissingMalformedOrUnknownTokens_then401InvalidToken() {
        try (TestServer probe = probeNeeding(ReceiverScope.SSF_READ)) {
            assertBearerRefusal(probe.send("POST", "/ssf/probe", null), 401, "invalid_token");
            for (String header : List.of("Basic abc", "Bearer", "Bearer not-a-token", "Bearer " + "A".repeat(43),
                    "Bearer " + WARDEN.adminToken.reveal())) {
                assertBearerRefusal(probe.send("POST", "/ssf/probe", null, "Authorization", header), 401,
                        "invalid_token");
            }
        }
    }

    // ---- metadata and keys ----

    @Test
    void theAuthorizationServerMetadataIsRfc8414UnderThePublicUrl() {
        Reply reply = server.get("/.well-known/oauth-authorization-server");

        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"));
        JsonNode json = reply.json();
        assertEquals("https://warden.example.com", json.get("issuer").asText());
        assertEquals("https://warden.example.com/oauth2/token", json.get("token_endpoint").asText());
        assertEquals("[\"client_credentials\"]", json.get("grant_types_supported").toString());
        assertEquals("[\"client_secret_basic\",\"client_secret_post\"]",
                json.get("token_endpoint_auth_methods_supported").toString());
        assertEquals("[\"ssf.manage\",\"ssf.read\"]", json.get("scopes_supported").toString());
        assertEquals("[]", json.get("response_types_supported").toString());
    }

    @Test
    void theJwksPublishesEveryKeyForRs256Signatures() {
        Reply reply = server.get("/ssf/jwks");

        assertEquals(200, reply.status());
        JsonNode keys = reply.json().get("keys");
        List<String> kids = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode key = keys.get(i);
            assertEquals(List.of("kty", "use", "alg", "kid", "n", "e"), TestServer.fieldNames(key));
            assertEquals("RSA", key.get("kty").asText());
            assertEquals("sig", key.get("use").asText());
            assertEquals("RS256", key.get("alg").asText());
            assertEquals(FakeSecurityEventSigner.TWO_KEYS.get(i).modulus(), key.get("n").asText());
            assertEquals("AQAB", key.get("e").asText());
            kids.add(key.get("kid").asText());
        }
        assertEquals(List.of("kid-new", "kid-old"), kids);
        assertNotEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""));
    }

    // ---- without WARDEN_PUBLIC_URL ----

    static Stream<Arguments> ssfRoutes() {
        return Stream.of(
                Arguments.of("GET", "/.well-known/oauth-authorization-server", null),
                Arguments.of("GET", "/ssf/jwks", null),
                Arguments.of("POST", "/oauth2/token", "grant_type=client_credentials"),
                Arguments.of("GET", "/api/admin/ssf/clients", null),
                Arguments.of("POST", "/api/admin/ssf/clients", "{\"name\":\"SIEM\"}"),
                Arguments.of("DELETE", "/api/admin/ssf/clients/" + java.util.UUID.randomUUID(), null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ssfRoutes")
    void givenNoPublicUrl_thenEverySsfAndOAuthRouteIs404(String method, String path, String body) {
        Reply reply = body == null
                ? withoutPublicUrl.send(method, path, null, admin())
                : withoutPublicUrl.send(method, path, body, admin()[0], admin()[1], "Content-Type",
                        body.startsWith("{") ? "application/json" : FORM);

        assertEquals(404, reply.status(), reply.body());
        assertEquals("not-found", reply.problem());
        assertTrue(WARDEN.calls.isEmpty(), "nothing was registered or revoked");
    }
}
