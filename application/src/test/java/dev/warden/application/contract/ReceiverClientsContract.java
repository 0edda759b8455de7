package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.ReceiverClients;
import dev.warden.domain.Account;
import dev.warden.domain.ClientSecret;
import dev.warden.domain.ReceiverAccessToken;
import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import dev.warden.domain.ReceiverToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every ReceiverClients must do. */
public abstract class ReceiverClientsContract extends PortContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    protected ReceiverClients receivers;
    protected Account admin;

    @BeforeEach
    void setUpReceivers() {
        receivers = ports.receivers();
        admin = anAccount("admin").build();
        ports.accounts().insert(admin);
    }

    private ReceiverClient aClient(String name, Instant createdAt) {
        ReceiverClient client = new ReceiverClient(ReceiverClientId.random(), name,
                ClientSecret.generate(RANDOM).hash(), createdAt, admin.id(), null);
        receivers.insert(client);
        return client;
    }

    private ReceiverToken aToken(ReceiverClient client, Set<ReceiverScope> scopes, Instant expiresAt) {
        ReceiverToken token = new ReceiverToken(ReceiverAccessToken.generate(RANDOM).hash(), client.id(), scopes,
                expiresAt);
        receivers.insertToken(token);
        return token;
    }

    @Test
    void givenRegisteredClients_thenEveryFieldRoundTripsAndTheNewestIsListedFirst() {
        ReceiverClient older = aClient("SIEM \u00e9t\u00e9", NOW.minusSeconds(60));
        ReceiverClient newer = aClient("Policy engine", NOW);

        assertEquals(older, receivers.find(older.id()).orElseThrow());
        assertEquals(List.of(newer, older), receivers.list());
        assertTrue(receivers.find(ReceiverClientId.random()).isEmpty());
    }

    @Test
    void givenAToken_thenItWorksUntilItsExpiryWithItsScopes() {
        ReceiverClient client = aClient("SIEM", NOW);
        ReceiverToken readOnly = aToken(client, Set.of(ReceiverScope.SSF_READ), NOW.plus(Duration.ofMinutes(15)));
        ReceiverToken both = aToken(client, EnumSet.allOf(ReceiverScope.class), NOW.plus(Duration.ofMinutes(15)));

        assertEquals(readOnly, receivers.findWorkingToken(readOnly.tokenHash(), NOW).orElseThrow());
        assertEquals(both, receivers.findWorkingToken(both.tokenHash(), NOW).orElseThrow());
        assertTrue(receivers.findWorkingToken(readOnly.tokenHash(), readOnly.expiresAt().minusNanos(1000)).isPresent());
        assertTrue(receivers.findWorkingToken(readOnly.tokenHash(), readOnly.expiresAt()).isEmpty());
        assertTrue(receivers.findWorkingToken(ReceiverAccessToken.generate(RANDOM).hash(), NOW).isEmpty());
    }

    @Test
    void givenARevokedClient_thenItsTokensStopAtOnceAndASecondRevokeChangesNothing() {
        ReceiverClient client = aClient("SIEM", NOW);
        ReceiverClient other = aClient("Other", NOW);
        ReceiverToken token = aToken(client, Set.of(ReceiverScope.SSF_READ), NOW.plus(Duration.ofMinutes(15)));
        ReceiverToken othersToken = aToken(other, Set.of(ReceiverScope.SSF_READ), NOW.plus(Duration.ofMinutes(15)));

        assertTrue(receivers.revoke(client.id(), NOW.plusSeconds(1)));

        assertTrue(receivers.findWorkingToken(token.tokenHash(), NOW.plusSeconds(2)).isEmpty());
        assertTrue(receivers.findWorkingToken(othersToken.tokenHash(), NOW.plusSeconds(2)).isPresent());
        assertEquals(NOW.plusSeconds(1), receivers.find(client.id()).orElseThrow().revokedAt());
        assertFalse(receivers.revoke(client.id(), NOW.plusSeconds(3)));
        assertEquals(NOW.plusSeconds(1), receivers.find(client.id()).orElseThrow().revokedAt());
        assertFalse(receivers.revoke(ReceiverClientId.random(), NOW));
    }

    @Test
    void givenATokenIssuedAfterItsClientWasRevoked_thenItDoesNotWork() {
        ReceiverClient client = aClient("SIEM", NOW);
        receivers.revoke(client.id(), NOW);
        // A grant that raced the revocation: the one read of every call still refuses it.
        ReceiverToken late = aToken(client, Set.of(ReceiverScope.SSF_READ), NOW.plus(Duration.ofMinutes(15)));

        assertTrue(receivers.findWorkingToken(late.tokenHash(), NOW).isEmpty());
    }

    @Test
    void givenExpiredAndWorkingTokens_whenTheExpiredOnesOfAClientAreDeleted_thenOnlyThoseGo() {
        ReceiverClient client = aClient("SIEM", NOW);
        ReceiverClient other = aClient("Other", NOW);
        aToken(client, Set.of(ReceiverScope.SSF_READ), NOW.minusSeconds(1));
        aToken(client, Set.of(ReceiverScope.SSF_READ), NOW);
        ReceiverToken working = aToken(client, Set.of(ReceiverScope.SSF_READ), NOW.plusSeconds(60));
        ReceiverToken othersExpired = aToken(other, Set.of(ReceiverScope.SSF_READ), NOW.minusSeconds(1));

        assertEquals(2, receivers.deleteExpiredTokens(client.id(), NOW));

        assertTrue(receivers.findWorkingToken(working.tokenHash(), NOW).isPresent());
        assertEquals(1, receivers.deleteExpiredTokens(other.id(), NOW));
        assertEquals(0, receivers.deleteExpiredTokens(other.id(), NOW));
        assertTrue(receivers.findWorkingToken(othersExpired.tokenHash(), NOW.minusSeconds(10)).isEmpty());
    }

    @Test
    void givenAClientOrTokenThatExistsAlready_whenInsertedAgain_thenRefused() {
        ReceiverClient client = aClient("SIEM", NOW);
        ReceiverToken token = aToken(client, Set.of(ReceiverScope.SSF_READ), NOW.plusSeconds(60));

        assertThrows(RuntimeException.class, () -> receivers.insert(client));
        assertThrows(RuntimeException.class, () -> receivers.insertToken(token));
    }

    @Test
    void givenAnInsertInATransactionThatFails_thenNothingIsKept() {
        ReceiverClient client = new ReceiverClient(ReceiverClientId.random(), "SIEM", ClientSecret.generate(RANDOM).hash(),
                NOW, admin.id(), null);
        assertThrows(IllegalStateException.class, () -> ports.transactions().run(() -> {
            receivers.insert(client);
            throw new IllegalStateException("audit failed");
        }));

        assertTrue(receivers.find(client.id()).isEmpty());
    }
}
