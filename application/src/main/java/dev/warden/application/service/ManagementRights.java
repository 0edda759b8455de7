package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.domain.Account;
import dev.warden.domain.OwnerProtected;
import dev.warden.domain.Role;

/**
 * Who may change whose account. The owner is out of everyone's reach for what would lock the owner
 * out (disable, demote), and only the owner resets the owner's password: 409 owner-protected. ADMIN
 * accounts are the owner's to manage: an ADMIN acting on an ADMIN, or making one, gets 403.
 * ADMINs manage USERs. (Terminating sessions is not managing an account: any administrator may end
 * anyone's sessions, the owner's included.) Callers check again on the locked row, so a role that
 * changed in between is seen.
 */
final class ManagementRights {
    private static final String ADMINS_ARE_THE_OWNERS = "Only the owner manages ADMIN accounts.";

    private ManagementRights() {
    }

    static void requireMayDisable(Actor actor, Account target) {
        if (target.role() == Role.OWNER) {
            throw new OwnerProtected("The owner account cannot be disabled.");
        }
        requireMayManageRole(actor, target.role());
    }

    /** Enabling the owner changes nothing (the owner is always active), so it is nobody's concern. */
    static void requireMayEnable(Actor actor, Account target) {
        if (target.role() != Role.OWNER) {
            requireMayManageRole(actor, target.role());
        }
    }

    static void requireMayChangeRole(Actor actor, Account target, Role newRole) {
        if (target.role() == Role.OWNER) {
            throw new OwnerProtected("The owner account cannot be demoted.");
        }
        requireMayManageRole(actor, target.role());
        requireMayManageRole(actor, newRole);
    }

    static void requireMayResetPassword(Actor actor, Account target) {
        if (target.role() == Role.OWNER && !actor.id().equals(target.id())) {
            throw new OwnerProtected("Only the owner can reset the owner's password.");
        }
        requireMayManageRole(actor, target.role());
    }

    /** Creating an account of {@code role}. */
    static void requireMayCreate(Actor actor, Role role) {
        requireMayManageRole(actor, role);
    }

    private static void requireMayManageRole(Actor actor, Role role) {
        actor.requireAdministrator();
        if (role == Role.ADMIN && actor.role() != Role.OWNER) {
            throw new Forbidden(ADMINS_ARE_THE_OWNERS);
        }
    }
}
