package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepUpTest {
    private static final Instant LOGIN = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void makingOrChangingAdministratorsNeedsAFreshPassword_managingUsersDoesNot() {
        assertTrue(StepUp.neededToCreate(Role.ADMIN));
        assertFalse(StepUp.neededToCreate(Role.USER));
        assertTrue(StepUp.neededToChangeRole(Role.USER, Role.ADMIN));
        assertTrue(StepUp.neededToChangeRole(Role.ADMIN, Role.USER));
        assertFalse(StepUp.neededToChangeRole(Role.USER, Role.USER));
        assertTrue(StepUp.neededToManage(Role.ADMIN));
        assertFalse(StepUp.neededToManage(Role.USER));
    }

    @Test
    void aLoginIsFreshUntilTheWindowEnds_exclusive() {
        assertTrue(StepUp.isFresh(LOGIN, LOGIN, WINDOW));
        assertTrue(StepUp.isFresh(LOGIN, LOGIN.plus(WINDOW).minusMillis(1), WINDOW));
        assertFalse(StepUp.isFresh(LOGIN, LOGIN.plus(WINDOW), WINDOW));
    }
}
