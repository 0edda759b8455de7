package dev.warden.adapter.http;

import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.IssuedToken;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /oauth2/token}: the client-credentials grant for Shared Signals receivers (RFC 6749
 * sections 2.3.1, 4.4 and 5). The client authenticates by exactly one of {@code client_secret_basic}
 * (the Authorization header) or {@code client_secret_post} (client_id and client_secret in the
 * form). Errors are RFC 6749 JSON ({@link OAuthError}), not problem details. No session cookie
 * plays any part here.
 */
record OAuthTokenRoutes(IssueReceiverTokenUseCase issue, ClientInfoReader clients, SsfEndpoints endpoints)
        implements ApiRoutes {

    static final String CLIENT_CREDENTIALS = "client_credentials";
    private static final String BASIC = "basic ";

    @Override
    public List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.POST, SsfEndpoints.TOKEN, this::token));
    }

    /** The client's id and secret, however it sent them. */
    private record Credentials(String clientId, String clientSecret) {
    }

    private void token(ServerRequest req, ServerResponse res) {
        endpoints.requireEnabled();
        FormBody form = FormBody.read(req);
        String grantType = form.optional("grant_type")
                .orElseThrow(() -> OAuthError.invalidRequest("The parameter grant_type is required."));
        if (!grantType.equals(CLIENT_CREDENTIALS)) {
            throw OAuthError.unsupportedGrantType("Only grant_type=client_credentials is supported.");
        }
        Credentials credentials = credentials(req, form);
        IssuedToken token = issue.issue(credentials.clientId(), credentials.clientSecret(),
                form.optional("scope").orElse(null), clients.read(req));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresInSeconds());
        body.put("scope", token.scope());
        res.status(Status.OK_200);
        OAuthResponses.noStore(res);
        res.headers().set(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(body));
    }

    private static Credentials credentials(ServerRequest req, FormBody form) {
        List<String> authorization = req.headers().all(HeaderNames.AUTHORIZATION, List::of);
        boolean posted = form.has("client_secret");
        if (authorization.isEmpty()) {
            if (!posted || !form.has("client_id")) {
                throw OAuthError.invalidClient("Client authentication is required: client_secret_basic (the"
                        + " Authorization header) or client_secret_post (client_id and client_secret in the form).");
            }
            return new Credentials(form.optional("client_id").orElseThrow(), form.optional("client_secret").orElseThrow());
        }
        if (posted) {
            throw OAuthError.invalidRequest("Use exactly one client authentication method: the Authorization header"
                    + " or client_secret in the form, not both.");
        }
        Credentials basic = basic(authorization);
        if (form.optional("client_id").filter(id -> !id.equals(basic.clientId())).isPresent()) {
            throw OAuthError.invalidRequest("The client_id in the form differs from the one in the Authorization header.");
        }
        return basic;
    }

    /** RFC 6749 section 2.3.1: base64 of form-encoded id ":" form-encoded secret. */
    private static Credentials basic(List<String> authorization) {
        String value = authorization.size() == 1 ? authorization.getFirst().strip() : "";
        if (value.length() <= BASIC.length() || !value.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw OAuthError.invalidClient("The Authorization header must be one 'Basic' with the client id and secret.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("The Basic credentials are not valid base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidClient("The Basic credentials must be client_id:client_secret.");
        }
        try {
            return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("The Basic credentials are not valid form encoding.");
        }
    }
}
