package dev.warden.application.service;

import static dev.warden.application.fakes.UseCaseFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.RecordingMetrics;
import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Backlog;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.PasswordHashingSaturated;
import dev.warden.application.port.out.WardenMetrics.LoginOutcome;
import dev.warden.application.service.operations.MeteredEventOutbox;
import dev.warden.application.service.operations.OperationalFiguresService;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.domain.Account;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.Role;
import dev.warden.domain.SessionLimitReached;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the use cases tell the metrics port: each login's true outcome, session ends after commit, validation time. */
class BusinessMetricsTest {
    private static final String WRONG = "wrong password!";

    private final UseCaseFixture warden = new UseCaseFixture(WardenPolicy.DEFAULTS.withMaxSessionsPerUser(2),
            new LoginThrottlePolicy(30, Duration.ofMinutes(5)));
    private final RecordingMetrics metrics = warden.metrics;
    private final LoginUseCase login = warden.login;
    private final ClientInfo client = new ClientInfo("198.51.100.4", "Firefox");

    @Test
    void everyLoginIsCountedOnceWithItsTrueOutcome() {
        Account alice = warden.givenAccount("alice", Role.USER);
        Account bob = warden.givenAccount("bob", Role.USER);
        warden.accounts.update(bob.disable());

        login.login("alice", PASSWORD, client);
        login.login("alice", PASSWORD, client);
        assertThrows(SessionLimitReached.class, () -> login.login("alice", PASSWORD, client));
        assertThrows(InvalidCredentials.class, () -> login.login("alice", WRONG, client));
        assertThrows(InvalidCredentials.class, () -> login.login("nobody", WRONG, client));
        assertThrows(InvalidCredentials.class, () -> login.login("bob", PASSWORD, client));

        assertEquals(Map.of(LoginOutcome.SUCCEEDED, 2, LoginOutcome.SESSION_LIMIT, 1, LoginOutcome.FAILED, 2,
                LoginOutcome.DISABLED, 1), metrics.logins);
    }

    @Test
    void givenTheThresholdOfFailures_thenOneLockoutAndThenLockedAttemptsAreCountedAsLocked() {
        warden.givenAccount("alice", Role.USER);
        for (int i = 0; i < warden.policy.lockoutThreshold(); i++) {
            assertThrows(InvalidCredentials.class, () -> login.login("alice", WRONG, client));
        }

        assertThrows(InvalidCredentials.class, () -> login.login("alice", PASSWORD, client));

        assertEquals(1, metrics.lockouts);
        assertEquals(warden.policy.lockoutThreshold(), metrics.logins(LoginOutcome.FAILED));
        assertEquals(1, metrics.logins(LoginOutcome.LOCKED));
    }

    @Test
    void aThrottledAttemptAndAnUnansweredOneAreCountedAsSuch() {
        UseCaseFixture strict = new UseCaseFixture(warden.policy, new LoginThrottlePolicy(1, Duration.ofMinutes(5)));
        strict.givenAccount("alice", Role.USER);
        assertThrows(InvalidCredentials.class, () -> strict.login.login("alice", WRONG, client));

        assertThrows(TooManyLoginAttempts.class, () -> strict.login.login("alice", WRONG, client));
        strict.hasher.whileVerifying = () -> {
            throw new PasswordHashingSaturated();
        };
        assertThrows(PasswordHashingSaturated.class,
                () -> strict.login.login("alice", PASSWORD, new ClientInfo("192.0.2.9", "curl")));

        assertEquals(1, strict.metrics.logins(LoginOutcome.THROTTLED));
        assertEquals(1, strict.metrics.logins(LoginOutcome.UNAVAILABLE));
        assertEquals(1, strict.metrics.logins(LoginOutcome.FAILED));
    }

    @Test
    void aSessionEndIsCountedByReasonOnceItsTransactionCommitted() {
        EventOutbox outbox = new MeteredEventOutbox(warden.outbox, warden.transactions, metrics);
        warden.givenAccount("alice", Role.USER);
        var session = login.login("alice", PASSWORD, client).session();
        var ended = dev.warden.domain.SessionEvent.ended(session, TerminationReason.ADMIN_TERMINATED, null,
                warden.clock.instant());

        assertThrows(IllegalStateException.class, () -> warden.transactions.run(() -> {
            outbox.append(ended);
            assertEquals(0, metrics.ended(TerminationReason.ADMIN_TERMINATED), "not before the commit");
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(0, metrics.ended(TerminationReason.ADMIN_TERMINATED), "a rolled-back end is not counted");

        warden.transactions.run(() -> outbox.append(ended));
        assertEquals(1, metrics.ended(TerminationReason.ADMIN_TERMINATED));
    }

    @Test
    void everyWayASessionEndsPassesTheMeteredOutbox() {
        warden.givenAccount("alice", Role.USER);
        var first = login.login("alice", PASSWORD, client);
        login.login("alice", PASSWORD, client);
        warden.logout.logout(warden.validate.validate(first.token().reveal()), client);

        warden.clock.advance(warden.policy.idleTimeout().plusSeconds(1));
        warden.sweep.sweepOnce();

        assertEquals(1, metrics.ended(TerminationReason.USER_LOGOUT));
        assertEquals(1, metrics.ended(TerminationReason.IDLE_TIMEOUT));
        assertEquals(0, metrics.logins(LoginOutcome.FAILED));
    }

    @Test
    void everyValidationIsTimedWhateverItsAnswer() {
        warden.givenAccount("alice", Role.USER);
        String token = login.login("alice", PASSWORD, client).token().reveal();

        warden.validate.validate(token);
        assertThrows(Unauthenticated.class, () -> warden.validate.validate("not-a-token"));

        assertEquals(2, metrics.validations.size());
        assertTrue(metrics.validations.stream().noneMatch(Duration::isNegative));
    }

    @Test
    void theRelayCountsOnlyWhatTheBrokerAcknowledged() {
        warden.givenAccount("alice", Role.USER);
        login.login("alice", PASSWORD, client);
        login.login("alice", PASSWORD, client);
        AtomicReference<RuntimeException> failure = new AtomicReference<>(new EventPublisher.PublishFailed("down", null));
        OutboxRelayService relay = new OutboxRelayService(warden.outbox, events -> {
            if (failure.get() != null) {
                throw failure.get();
            }
        }, metrics);

        assertThrows(EventPublisher.PublishFailed.class, relay::relayOnce);
        assertEquals(0, metrics.published);
        failure.set(null);
        relay.relayOnce();

        assertEquals(2, metrics.published);
    }

    @Test
    void theFiguresCountActiveSessionsInTheIdleWindowAndAgeTheOldestPendingEvent() {
        AtomicReference<ActiveWindow> asked = new AtomicReference<>();
        Instant oldest = warden.clock.instant().minusSeconds(90);
        OperationalCounts counts = new OperationalCounts() {
            @Override
            public OutboxBacklog outboxBacklog() {
                return new OutboxBacklog(3, Optional.of(oldest));
            }

            @Override
            public long countOpenAlarms() {
                return 1;
            }

            @Override
            public long countActiveSessions(ActiveWindow window) {
                asked.set(window);
                return 7;
            }
        };
        OperationalFiguresService figures = new OperationalFiguresService(counts, warden.policy, warden.clock);

        Backlog backlog = figures.backlog();

        assertEquals(7, figures.activeSessions());
        assertEquals(ActiveWindow.at(warden.clock.instant(), warden.policy), asked.get());
        assertEquals(3, backlog.outboxPending());
        assertEquals(1, backlog.openAlarms());
        assertEquals(Duration.ofSeconds(90), backlog.oldestPendingAgeAt(warden.clock.instant()));
        assertEquals(Duration.ZERO, new Backlog(warden.clock.instant(), 0, Optional.empty(), 0)
                .oldestPendingAgeAt(warden.clock.instant()));
    }
}
