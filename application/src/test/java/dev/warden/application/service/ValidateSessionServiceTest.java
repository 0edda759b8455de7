package dev.warden.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.domain.Role;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidateSessionServiceTest {
    private final UseCaseFixture warden = new UseCaseFixture();
    private LoginResult login;

    @BeforeEach
    void loggedIn() {
        warden.givenAccount("alice", Role.USER);
        login = warden.loginFrom("alice", "192.0.2.1");
    }

    @Test
    void aFreshTokenValidatesToItsSessionAndAccount() {
        AuthenticatedSession found = warden.validate.validate(login.token().reveal());

        assertEquals(login.session().id(), found.session().id());
        assertEquals("alice", found.account().username());
    }

    @Test
    void validationNeverParsesTheUserAgent() {
        warden.userAgents.asked.clear();
        for (int i = 0; i < 3; i++) {
            warden.clock.advance(Duration.ofMinutes(2)); // with activity writes too
            warden.validate.validate(login.token().reveal());
        }
        assertEquals(List.of(), warden.userAgents.asked);
    }

    @Test
    void missingMalformedAndUnknownTokensAreUnauthenticated() {
        assertThrows(Unauthenticated.class, () -> warden.validate.validate(null));
        assertThrows(Unauthenticated.class, () -> warden.validate.validate("not a token"));
        assertThrows(Unauthenticated.class, () -> warden.validate.validate("A".repeat(43)));
    }

    @Test
    void requestsWithinAMinuteCostNoWrite() {
        warden.clock.advance(Duration.ofSeconds(30));
        warden.validate.validate(login.token().reveal());
        warden.clock.advance(Duration.ofSeconds(29));
        warden.validate.validate(login.token().reveal());
        assertEquals(0, warden.sessions.activityWrites.get());

        warden.clock.advance(Duration.ofSeconds(1));
        warden.validate.validate(login.token().reveal());

        assertEquals(1, warden.sessions.activityWrites.get());
        assertEquals(warden.clock.instant(), warden.sessions.row(login.session().id()).session().lastActiveAt());
    }

    @Test
    void regularUseKeepsTheSessionAliveBeyondTheIdleTimeout() {
        for (int minute = 0; minute < 120; minute += 10) {
            warden.clock.advance(Duration.ofMinutes(10));
            warden.validate.validate(login.token().reveal());
        }
    }

    @Test
    void givenIdleFor60Minutes_thenUnauthenticatedAndTheExpiryIsAnnounced() {
        warden.clock.advance(Duration.ofMinutes(60));

        assertThrows(Unauthenticated.class, () -> warden.validate.validate(login.token().reveal()));

        assertEquals(TerminationReason.IDLE_TIMEOUT, warden.sessions.row(login.session().id()).endReason());
        SessionEvent last = warden.outbox.events().getLast();
        assertEquals(SessionEvent.Type.EXPIRED, last.type());
        assertEquals(TerminationReason.IDLE_TIMEOUT, last.reason());
    }

    @Test
    void givenConstantActivity_thenTheSessionStillEndsAtItsAbsoluteLifetime() {
        UseCaseFixture shortLived = new UseCaseFixture(WardenPolicy.DEFAULTS
                .withIdleTimeout(Duration.ofMinutes(10)).withAbsoluteLifetime(Duration.ofMinutes(30)));
        shortLived.givenAccount("bob", Role.USER);
        String token = shortLived.loginFrom("bob", "192.0.2.2").token().reveal();
        for (int i = 0; i < 29; i++) {
            shortLived.clock.advance(Duration.ofMinutes(1));
            shortLived.validate.validate(token);
        }
        shortLived.clock.advance(Duration.ofMinutes(1));

        assertThrows(Unauthenticated.class, () -> shortLived.validate.validate(token));
        assertEquals(TerminationReason.ABSOLUTE_LIFETIME,
                shortLived.outbox.events().getLast().reason());
    }

    @Test
    void aTerminatedSessionIsUnauthenticatedOnItsVeryNextRequest() {
        warden.terminate.terminate(login.session().id(), warden.admin());

        assertThrows(Unauthenticated.class, () -> warden.validate.validate(login.token().reveal()));
    }

    @Test
    void aLoggedOutSessionIsUnauthenticated() {
        AuthenticatedSession current = warden.validate.validate(login.token().reveal());
        warden.logout.logout(current, new dev.warden.domain.ClientInfo("192.0.2.1", "ua"));

        assertThrows(Unauthenticated.class, () -> warden.validate.validate(login.token().reveal()));
        assertEquals(TerminationReason.USER_LOGOUT, warden.outbox.events().getLast().reason());
    }
}
