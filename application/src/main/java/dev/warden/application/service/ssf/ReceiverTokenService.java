package dev.warden.application.service.ssf;

import dev.warden.application.port.in.ssf.AuthenticateReceiverUseCase;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.ReceiverClients;
import dev.warden.application.service.Now;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.ClientSecret;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.ReceiverAccessToken;
import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import dev.warden.domain.ReceiverToken;
import dev.warden.domain.ReceiverTokenPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The client-credentials grant and the bearer check behind every receiver call.
 *
 * <p>Brute force: a client secret is 256 random bits, so guessing one is hopeless; what a flood of
 * wrong secrets could still do is load the database. So a client authentication is counted
 * against the caller's address in the login throttle's windows (same limit and window as failed
 * logins, its own counter: the key is prefixed {@code oauth }) before anything is looked up, and
 * given back when it succeeds; a full window answers 429 without a lookup.
 */
public record ReceiverTokenService(ReceiverClients receivers, LoginThrottle throttle,
        LoginThrottlePolicy throttlePolicy, ReceiverTokenPolicy tokenPolicy, Clock clock, SecureRandom random)
        implements IssueReceiverTokenUseCase, AuthenticateReceiverUseCase {

    private static final String THROTTLE_PREFIX = "oauth ";
    private static final String BAD_CLIENT = "Client authentication failed: unknown client, revoked client or wrong secret.";

    @Override
    public IssuedToken issue(String clientId, String clientSecret, String scope, ClientInfo caller) {
        Instant now = Now.of(clock);
        String key = THROTTLE_PREFIX + LoginThrottlePolicy.clientKey(caller.ipAddress());
        Instant windowStart = throttlePolicy.windowStart(now);
        if (!throttle.tryCount(key, windowStart, throttlePolicy.failureLimit())) {
            throttle.countRefusal(key, windowStart);
            throw new TooManyClientAuthentications("Too many failed client authentications from this address; try"
                    + " again in " + throttlePolicy.retryAfterSeconds(now) + " seconds.",
                    throttlePolicy.retryAfterSeconds(now));
        }
        ReceiverClient client = authenticatedClient(clientId, clientSecret)
                .orElseThrow(() -> new InvalidClient(BAD_CLIENT));
        throttle.uncount(key, windowStart);
        Set<ReceiverScope> scopes;
        try {
            scopes = ReceiverScope.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new InvalidScope(e.getMessage());
        }
        ReceiverAccessToken token = ReceiverAccessToken.generate(random);
        receivers.deleteExpiredTokens(client.id(), now);
        receivers.insertToken(new ReceiverToken(token.hash(), client.id(), scopes, now.plus(tokenPolicy.tokenLifetime())));
        return new IssuedToken(token.reveal(), tokenPolicy.tokenLifetime().toSeconds(), ReceiverScope.names(scopes));
    }

    private Optional<ReceiverClient> authenticatedClient(String clientId, String clientSecret) {
        ReceiverClientId id;
        ClientSecret secret;
        try {
            id = ReceiverClientId.parse(clientId);
            secret = ClientSecret.parse(clientSecret);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return receivers.find(id).filter(ReceiverClient::active).filter(c -> secret.matches(c.secretHash()));
    }

    @Override
    public AuthenticatedReceiver authenticate(String bearerToken) {
        ReceiverAccessToken token;
        try {
            token = ReceiverAccessToken.parse(bearerToken);
        } catch (IllegalArgumentException e) {
            throw new InvalidReceiverToken("The access token is malformed.");
        }
        return receivers.findWorkingToken(token.hash(), Now.of(clock))
                .map(t -> new AuthenticatedReceiver(t.clientId(), t.scopes()))
                .orElseThrow(() -> new InvalidReceiverToken(
                        "The access token is unknown or expired, or its client was revoked."));
    }
}
