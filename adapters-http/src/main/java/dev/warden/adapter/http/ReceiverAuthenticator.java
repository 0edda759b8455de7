package dev.warden.adapter.http;

import dev.warden.application.port.in.ssf.AuthenticateReceiverUseCase;
import dev.warden.application.port.in.ssf.AuthenticateReceiverUseCase.AuthenticatedReceiver;
import dev.warden.domain.ReceiverScope;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Objects;

/**
 * Authenticates a Shared Signals receiver's request by its {@code Authorization: Bearer} access
 * token (RFC 6750 section 2.1; never a cookie, never a query parameter) and checks the scope the
 * call needs. Every call asks the store, so an expired token or a revoked client's token is refused
 * on its very next call. Failures answer RFC 6750's 401 {@code invalid_token} or 403
 * {@code insufficient_scope}, with the WWW-Authenticate challenge.
 */
final class ReceiverAuthenticator {
    private static final String BEARER = "bearer ";

    private final AuthenticateReceiverUseCase authenticate;

    ReceiverAuthenticator(AuthenticateReceiverUseCase authenticate) {
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
    }

    /**
     * @return the receiver behind the token
     * @throws OAuthError invalid_token without a working token; insufficient_scope when it lacks {@code needed}
     */
    AuthenticatedReceiver require(ServerRequest req, ReceiverScope needed) {
        List<String> headers = req.headers().all(HeaderNames.AUTHORIZATION, List::of);
        if (headers.isEmpty()) {
            throw OAuthError.invalidToken("This call needs an access token: Authorization: Bearer <token>.");
        }
        String value = headers.size() == 1 ? headers.getFirst().strip() : "";
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw OAuthError.invalidToken("The Authorization header must be one 'Bearer <token>'.");
        }
        AuthenticatedReceiver receiver;
        try {
            receiver = authenticate.authenticate(value.substring(BEARER.length()).strip());
        } catch (AuthenticateReceiverUseCase.InvalidReceiverToken e) {
            throw OAuthError.invalidToken(e.getMessage());
        }
        if (!receiver.allows(needed)) {
            throw OAuthError.insufficientScope(needed.text());
        }
        return receiver;
    }
}
