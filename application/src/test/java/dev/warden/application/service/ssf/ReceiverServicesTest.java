package dev.warden.application.service.ssf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.FakeSecurityEventSigner;
import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.auth.ReauthenticationRequired;
import dev.warden.application.port.in.ssf.AuthenticateReceiverUseCase.AuthenticatedReceiver;
import dev.warden.application.port.in.ssf.AuthenticateReceiverUseCase.InvalidReceiverToken;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.InvalidClient;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.InvalidScope;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.IssuedToken;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.TooManyClientAuthentications;
import dev.warden.application.port.in.ssf.ListReceiversUseCase.ReceiverSummary;
import dev.warden.application.port.in.ssf.ReceiverNotFound;
import dev.warden.application.port.in.ssf.RegisterReceiverUseCase.RegisteredReceiver;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.ClientSecret;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import dev.warden.domain.Role;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registering, listing and revoking receivers, their client-credentials tokens, and the JWKS keys. */
class ReceiverServicesTest {
    private final UseCaseFixture warden = new UseCaseFixture(WardenPolicy.DEFAULTS,
            new LoginThrottlePolicy(3, Duration.ofMinutes(5)));
    private final ClientInfo receiverHost = new ClientInfo("198.51.100.20", "receiver/1.0");

    private RegisteredReceiver registered(String name) {
        return warden.useCases.registerReceiver().register(name, warden.freshOwner());
    }

    private IssuedToken token(RegisteredReceiver client, String scope) {
        return warden.useCases.issueReceiverToken().issue(client.clientId(), client.clientSecret(), scope, receiverHost);
    }

    private AuthenticatedReceiver authenticate(IssuedToken token) {
        return warden.useCases.authenticateReceiver().authenticate(token.accessToken());
    }

    @Test
    void givenAFreshAdministrator_whenRegistering_thenTheSecretIsShownOnceStoredAsAHashAndAudited() {
        RegisteredReceiver client = registered("  Security lake  ");

        assertEquals("Security lake", client.name());
        assertEquals(warden.clock.instant(), client.createdAt());
        var stored = warden.receivers.find(ReceiverClientId.parse(client.clientId())).orElseThrow();
        assertEquals(ClientSecret.parse(client.clientSecret()).hash(), stored.secretHash());
        assertFalse(client.toString().contains(client.clientSecret()));
        AuditEntry entry = warden.audit.ofType(AuditType.SSF_CLIENT_CREATED).getFirst();
        assertEquals("owner", entry.actorUsername());
        assertTrue(entry.reason().contains(client.clientId()) && entry.reason().contains("Security lake"));
        assertFalse(entry.reason().contains(client.clientSecret()));
        assertEquals(List.of(new ReceiverSummary(client.clientId(), "Security lake", client.createdAt(), null)),
                warden.useCases.listReceivers().list(warden.admin()));
    }

    @Test
    void givenASessionThatIsNotFresh_whenRegisteringOrRevoking_thenReauthenticationIsRequired() {
        RegisteredReceiver client = registered("SIEM");
        Actor stale = warden.freshOwner();
        warden.clock.advance(WardenPolicy.DEFAULTS.reauthWindow());

        assertThrows(ReauthenticationRequired.class, () -> warden.useCases.registerReceiver().register("Other", stale));
        assertThrows(ReauthenticationRequired.class,
                () -> warden.useCases.revokeReceiver().revoke(client.clientId(), stale));
        assertEquals(1, warden.receivers.list().size());
        assertTrue(warden.receivers.list().getFirst().active());
    }

    @Test
    void givenAUserOrABadName_whenRegistering_thenRefusedWithoutAClient() {
        Actor user = UseCaseFixture.actor(warden.givenAccount("bob", Role.USER));
        assertThrows(Forbidden.class, () -> warden.useCases.registerReceiver().register("SIEM", user));
        assertThrows(Forbidden.class, () -> warden.useCases.listReceivers().list(user));
        for (String bad : new String[] {null, "   ", "x".repeat(101), "tab\tinside"}) {
            assertThrows(InvalidRequest.class, () -> warden.useCases.registerReceiver().register(bad, warden.freshOwner()));
        }
        assertTrue(warden.receivers.list().isEmpty());
    }

    @Test
    void givenAClient_whenAskingForATokenWithoutScope_thenBothScopesForTheConfiguredLifetime() {
        RegisteredReceiver client = registered("SIEM");

        IssuedToken token = token(client, null);

        assertEquals("ssf.manage ssf.read", token.scope());
        assertEquals(900, token.expiresInSeconds());
        AuthenticatedReceiver receiver = authenticate(token);
        assertEquals(client.clientId(), receiver.clientId().toString());
        assertEquals(EnumSet.allOf(ReceiverScope.class), receiver.scopes());
        assertFalse(token.toString().contains(token.accessToken()));
    }

    @Test
    void givenARequestedScope_thenTheTokenAllowsOnlyThat() {
        IssuedToken token = token(registered("SIEM"), "ssf.read");

        assertEquals("ssf.read", token.scope());
        assertTrue(authenticate(token).allows(ReceiverScope.SSF_READ));
        assertFalse(authenticate(token).allows(ReceiverScope.SSF_MANAGE));
        assertThrows(InvalidScope.class, () -> token(registered("Other"), "ssf.read openid"));
    }

    @Test
    void givenAWrongSecretUnknownOrMalformedClient_thenInvalidClient() {
        RegisteredReceiver client = registered("SIEM");
        var issue = warden.useCases.issueReceiverToken();
        String otherSecret = ClientSecret.generate(new java.security.SecureRandom()).reveal();

        assertThrows(InvalidClient.class, () -> issue.issue(client.clientId(), otherSecret, null, receiverHost));
        assertThrows(InvalidClient.class, () -> issue.issue(ReceiverClientId.random().toString(), client.clientSecret(),
                null, receiverHost));
        // (from another address: the throttle allows three failures per address in this fixture)
        ClientInfo elsewhere = new ClientInfo("198.51.100.99", "receiver/1.0");
        assertThrows(InvalidClient.class, () -> issue.issue("not-a-uuid", client.clientSecret(), null, elsewhere));
        assertThrows(InvalidClient.class, () -> issue.issue(client.clientId(), "short", null, elsewhere));
    }

    @Test
    void givenTooManyFailedClientAuthenticationsFromOneAddress_thenRefusedEvenWithTheRightSecret() {
        RegisteredReceiver client = registered("SIEM");
        var issue = warden.useCases.issueReceiverToken();
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidClient.class, () -> issue.issue(client.clientId(), "wrong", null, receiverHost));
        }

        TooManyClientAuthentications refused = assertThrows(TooManyClientAuthentications.class,
                () -> token(client, null));
        assertTrue(refused.retryAfterSeconds() >= 1);
        // Another address is not affected; and the throttle forgets the window once it is over.
        assertEquals("ssf.read", issue.issue(client.clientId(), client.clientSecret(), "ssf.read",
                new ClientInfo("198.51.100.21", "receiver/1.0")).scope());
        warden.clock.advance(Duration.ofMinutes(5));
        assertEquals("ssf.read", token(client, "ssf.read").scope());
    }

    @Test
    void givenSuccessfulRequests_thenTheyDoNotCountTowardTheThrottle() {
        RegisteredReceiver client = registered("SIEM");
        for (int i = 0; i < 10; i++) {
            token(client, null);
        }
        assertEquals("ssf.read", token(client, "ssf.read").scope());
    }

    @Test
    void givenARevokedClient_thenItsTokenStopsAtOnceAndItGetsNoNewOne() {
        RegisteredReceiver client = registered("SIEM");
        RegisteredReceiver other = registered("Other");
        IssuedToken token = token(client, null);
        IssuedToken othersToken = token(other, null);

        warden.useCases.revokeReceiver().revoke(client.clientId(), warden.freshOwner());

        assertThrows(InvalidReceiverToken.class, () -> authenticate(token));
        assertThrows(InvalidClient.class, () -> token(client, null));
        assertEquals(other.clientId(), authenticate(othersToken).clientId().toString());
        assertEquals(1, warden.audit.ofType(AuditType.SSF_CLIENT_REVOKED).size());
        ReceiverSummary revoked = warden.useCases.listReceivers().list(warden.admin()).stream()
                .filter(r -> r.clientId().equals(client.clientId())).findFirst().orElseThrow();
        assertEquals(warden.clock.instant(), revoked.revokedAt());
    }

    @Test
    void givenARevokedOrUnknownClient_whenRevoked_thenNoSecondAuditOrNotFound() {
        RegisteredReceiver client = registered("SIEM");
        warden.useCases.revokeReceiver().revoke(client.clientId(), warden.freshOwner());
        warden.useCases.revokeReceiver().revoke(client.clientId(), warden.freshOwner());

        assertEquals(1, warden.audit.ofType(AuditType.SSF_CLIENT_REVOKED).size());
        assertThrows(ReceiverNotFound.class, () -> warden.useCases.revokeReceiver()
                .revoke(ReceiverClientId.random().toString(), warden.freshOwner()));
        assertThrows(InvalidRequest.class, () -> warden.useCases.revokeReceiver().revoke("42", warden.freshOwner()));
    }

    @Test
    void givenATokenPastItsLifetime_thenItIsRefusedAndCleanedUpWhenTheClientGetsANewOne() {
        RegisteredReceiver client = registered("SIEM");
        IssuedToken token = token(client, null);
        warden.clock.advance(Duration.ofMinutes(15));

        assertThrows(InvalidReceiverToken.class, () -> authenticate(token));
        assertEquals(1, warden.receivers.storedTokens());
        token(client, null);
        assertEquals(1, warden.receivers.storedTokens(), "the expired token was deleted");
    }

    @Test
    void givenAMalformedOrUnknownBearerToken_thenInvalidToken() {
        var authenticate = warden.useCases.authenticateReceiver();
        assertThrows(InvalidReceiverToken.class, () -> authenticate.authenticate("nope"));
        assertThrows(InvalidReceiverToken.class, () -> authenticate.authenticate(null));
        assertThrows(InvalidReceiverToken.class, () -> authenticate.authenticate("A".repeat(43)));
    }

    @Test
    void theSigningKeysAreTheSignersInOrder() {
        assertEquals(FakeSecurityEventSigner.TWO_KEYS, warden.useCases.listSigningKeys().keys());
        assertEquals("kid-new", warden.useCases.listSigningKeys().keys().getFirst().kid());
    }
}
