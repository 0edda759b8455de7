package dev.warden.domain;

import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountEventTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Account BOB = anAccount("bob").withRole(Role.ADMIN).createdAt(T0).build();

    @Test
    void onlyCreationAndRoleChangesCarryTheRole() {
        assertEquals(Role.ADMIN, AccountEvent.of(AccountEvent.Type.CREATED, BOB, null, T0).role());
        assertEquals(Role.ADMIN, AccountEvent.of(AccountEvent.Type.ROLE_CHANGED, BOB, null, T0).role());
        for (AccountEvent.Type type : new AccountEvent.Type[] {AccountEvent.Type.DISABLED, AccountEvent.Type.ENABLED,
                AccountEvent.Type.PASSWORD_CHANGED, AccountEvent.Type.LOCKED, AccountEvent.Type.UNLOCKED}) {
            assertNull(AccountEvent.of(type, BOB, null, T0).role(), type.name());
        }
        assertThrows(IllegalArgumentException.class, () -> new AccountEvent(UUID.randomUUID(),
                AccountEvent.Type.DISABLED, T0, BOB.id(), "bob", null, Role.USER));
    }

    @Test
    void theEventNamesTheAccountAndItsActor() {
        UserId admin = UserId.random();
        AccountEvent disabled = AccountEvent.of(AccountEvent.Type.DISABLED, BOB, admin, T0);

        assertEquals(BOB.id(), disabled.userId());
        assertEquals("bob", disabled.username());
        assertEquals(admin, disabled.actorId());
        assertEquals(T0, disabled.occurredAt());
        assertEquals("warden.account.disabled", disabled.type().cloudEventType());
    }
}
