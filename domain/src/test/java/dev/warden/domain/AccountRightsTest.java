package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.AccountRights.Action;
import dev.warden.domain.AccountRights.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountRightsTest {
    private static final UserId OWNER_ID = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final UserId ADMIN_ID = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final UserId OTHER_ID = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000003"));
    private static final AccountRights OWNER = new AccountRights(OWNER_ID, Role.OWNER);
    private static final AccountRights ADMIN = new AccountRights(ADMIN_ID, Role.ADMIN);
    private static final AccountRights USER = new AccountRights(OTHER_ID, Role.USER);

    private static Refusal.Kind kind(Optional<Refusal> refusal) {
        return refusal.orElseThrow(() -> new AssertionError("allowed, expected a refusal")).kind();
    }

    @Test
    void nobodyDisablesOrDemotesTheOwner_notEvenTheOwner() {
        assertEquals(Refusal.Kind.OWNER_PROTECTED, kind(OWNER.toDisable(Role.OWNER)));
        assertEquals(Refusal.Kind.OWNER_PROTECTED, kind(ADMIN.toDisable(Role.OWNER)));
        assertEquals(Refusal.Kind.OWNER_PROTECTED, kind(OWNER.toChangeRole(Role.OWNER, Role.ADMIN)));
        assertEquals("The owner account cannot be demoted.", OWNER.toChangeRole(Role.OWNER, Role.USER).get().message());
    }

    @Test
    void nobodyResetsTheOwnersPassword_andNobodyTheirOwn() {
        assertEquals(Refusal.Kind.OWNER_PROTECTED, kind(ADMIN.toResetPassword(OWNER_ID, Role.OWNER)));
        assertEquals(Refusal.Kind.FORBIDDEN, kind(OWNER.toResetPassword(OWNER_ID, Role.OWNER)),
                "a stolen owner token must not set a new owner password without the current one");
        assertEquals(Refusal.Kind.FORBIDDEN, kind(new AccountRights(OTHER_ID, Role.ADMIN).toResetPassword(OTHER_ID, Role.ADMIN)));
    }

    @Test
    void onlyTheOwnerUnlocksAnAdminOrTheOwner() {
        assertEquals(Refusal.Kind.FORBIDDEN, kind(ADMIN.toUnlock(Role.OWNER)));
        assertEquals(Refusal.Kind.FORBIDDEN, kind(ADMIN.toUnlock(Role.ADMIN)));
        assertTrue(ADMIN.toUnlock(Role.USER).isEmpty());
        assertTrue(OWNER.toUnlock(Role.ADMIN).isEmpty());
        assertTrue(OWNER.toUnlock(Role.OWNER).isEmpty());
        assertEquals(Refusal.Kind.FORBIDDEN, kind(USER.toUnlock(Role.USER)));
    }

    @Test
    void adminAccountsAreTheOwnersToManage() {
        assertTrue(OWNER.toDisable(Role.ADMIN).isEmpty());
        assertEquals(Refusal.Kind.FORBIDDEN, kind(ADMIN.toDisable(Role.ADMIN)));
        assertEquals(Refusal.Kind.FORBIDDEN, kind(ADMIN.toEnable(Role.ADMIN)));
        assertEquals(Refusal.Kind.FORBIDDEN, kind(ADMIN.toResetPassword(ADMIN_ID, Role.ADMIN)));
        assertEquals(Refusal.Kind.FORBIDDEN, kind(ADMIN.toChangeRole(Role.USER, Role.ADMIN)));
        assertEquals(Refusal.Kind.FORBIDDEN, kind(ADMIN.toCreate(Role.ADMIN)));
        assertEquals("Only the owner manages ADMIN accounts.", ADMIN.toCreate(Role.ADMIN).get().message());
    }

    @Test
    void adminsManageUsers_andAUserManagesNobody() {
        assertTrue(ADMIN.toDisable(Role.USER).isEmpty());
        assertTrue(ADMIN.toResetPassword(OTHER_ID, Role.USER).isEmpty());
        assertTrue(ADMIN.toCreate(Role.USER).isEmpty());
        assertEquals(Refusal.Kind.FORBIDDEN, kind(USER.toDisable(Role.USER)));
        assertEquals("This needs the OWNER or ADMIN role.", USER.toCreate(Role.USER).get().message());
    }

    @Test
    void theUsersPageOffersWhatWouldSucceedInTheAccountsState() {
        assertEquals(Set.of(Action.UNLOCK, Action.DISABLE, Action.RESET_PASSWORD),
                ADMIN.actionsOn(OTHER_ID, Role.USER, AccountStatus.ACTIVE, true));
        assertEquals(Set.of(Action.ENABLE, Action.RESET_PASSWORD),
                ADMIN.actionsOn(OTHER_ID, Role.USER, AccountStatus.DISABLED, false));
        assertEquals(Set.of(), ADMIN.actionsOn(OTHER_ID, Role.ADMIN, AccountStatus.ACTIVE, true),
                "an ADMIN may do nothing to another ADMIN, not even unlock it");
        assertEquals(Set.of(), ADMIN.actionsOn(OWNER_ID, Role.OWNER, AccountStatus.ACTIVE, true));
        assertEquals(Set.of(Action.UNLOCK), OWNER.actionsOn(OWNER_ID, Role.OWNER, AccountStatus.ACTIVE, true));
        assertEquals(Set.of(Action.UNLOCK, Action.DISABLE, Action.RESET_PASSWORD),
                OWNER.actionsOn(ADMIN_ID, Role.ADMIN, AccountStatus.ACTIVE, true));
        assertEquals(Set.of(), USER.actionsOn(ADMIN_ID, Role.USER, AccountStatus.ACTIVE, true));
    }

    @Test
    void rolesOnOfferAreChangesTheActorMayMake() {
        assertEquals(List.of(Role.ADMIN), OWNER.assignableRoles(Role.USER));
        assertEquals(List.of(Role.USER), OWNER.assignableRoles(Role.ADMIN));
        assertEquals(List.of(), OWNER.assignableRoles(Role.OWNER));
        assertEquals(List.of(), ADMIN.assignableRoles(Role.USER));
        assertEquals(List.of(Role.USER, Role.ADMIN), OWNER.creatableRoles());
        assertEquals(List.of(Role.USER), ADMIN.creatableRoles());
        assertEquals(List.of(), USER.creatableRoles());
    }
}
