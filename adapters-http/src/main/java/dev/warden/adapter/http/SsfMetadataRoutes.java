package dev.warden.adapter.http;

import dev.warden.application.port.in.ssf.ListSigningKeysUseCase;
import dev.warden.domain.ReceiverScope;
import dev.warden.domain.SsfDelivery;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a receiver reads before it calls: the OAuth authorization server metadata (RFC 8414) and
 * the JWKS that verifies Warden's SETs (RFC 7517) and the transmitter's own metadata (SSF 1.0
 * section 7.1). Public, the same for everyone, briefly cacheable.
 */
record SsfMetadataRoutes(ListSigningKeysUseCase keys, SsfEndpoints endpoints) implements ApiRoutes {

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, SsfEndpoints.AUTHORIZATION_SERVER_METADATA, this::authorizationServer),
                new ApiRoute(Method.GET, SsfEndpoints.JWKS, this::jwks),
                new ApiRoute(Method.GET, SsfEndpoints.SSF_CONFIGURATION, this::ssfConfiguration));
    }

    /** The transmitter's metadata (SSF 1.0 section 7.1), every URL absolute under the issuer. */
    private void ssfConfiguration(ServerRequest req, ServerResponse res) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("spec_version", "1_0");
        json.put("issuer", endpoints.issuer());
        json.put("jwks_uri", endpoints.url(SsfEndpoints.JWKS));
        json.put("delivery_methods_supported", List.of(SsfDelivery.Method.PUSH.urn(), SsfDelivery.Method.POLL.urn()));
        json.put("configuration_endpoint", endpoints.url(SsfStreamRoutes.STREAMS));
        json.put("status_endpoint", endpoints.url(SsfStreamControlRoutes.STATUS));
        json.put("add_subject_endpoint", endpoints.url(SsfStreamControlRoutes.ADD_SUBJECT));
        json.put("remove_subject_endpoint", endpoints.url(SsfStreamControlRoutes.REMOVE_SUBJECT));
        json.put("verification_endpoint", endpoints.url(SsfStreamControlRoutes.VERIFY));
        json.put("authorization_schemes", List.of(Map.of("spec_urn", "urn:ietf:rfc:6749")));
        json.put("default_subjects", "ALL");
        OAuthResponses.publicJson(res, json);
    }

    private void authorizationServer(ServerRequest req, ServerResponse res) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", endpoints.issuer());
        json.put("token_endpoint", endpoints.url(SsfEndpoints.TOKEN));
        json.put("grant_types_supported", List.of(OAuthTokenRoutes.CLIENT_CREDENTIALS));
        json.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        json.put("scopes_supported", ReceiverScope.DEFAULT.stream().sorted().map(ReceiverScope::text).toList());
        // REQUIRED by RFC 8414; empty: there is no authorization endpoint, only the client-credentials grant.
        json.put("response_types_supported", List.of());
        OAuthResponses.publicJson(res, json);
    }

    private void jwks(ServerRequest req, ServerResponse res) {
        endpoints.requireEnabled();
        List<Map<String, Object>> published = keys.keys().stream().map(key -> {
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("kid", key.kid());
            jwk.put("n", key.modulus());
            jwk.put("e", key.exponent());
            return jwk;
        }).toList();
        OAuthResponses.publicJson(res, Map.of("keys", published));
    }
}
