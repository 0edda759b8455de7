package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.domain.Account;
import dev.warden.domain.AccountRights;
import dev.warden.domain.OwnerProtected;
import dev.warden.domain.Role;
import java.util.Optional;

/**
 * Enforces the domain's {@link AccountRights} (who may change whose account) in the use cases:
 * a refusal becomes 409 owner-protected or 403 forbidden. Callers check again on the locked row,
 * so a role that changed in between is seen.
 */
final class ManagementRights {

    private ManagementRights() {
    }

    static void requireMayDisable(Actor actor, Account target) {
        require(rightsOf(actor).toDisable(target.role()));
    }

    static void requireMayEnable(Actor actor, Account target) {
        require(rightsOf(actor).toEnable(target.role()));
    }

    static void requireMayChangeRole(Actor actor, Account target, Role newRole) {
        require(rightsOf(actor).toChangeRole(target.role(), newRole));
    }

    static void requireMayResetPassword(Actor actor, Account target) {
        require(rightsOf(actor).toResetPassword(target.id(), target.role()));
    }

    static void requireMayUnlock(Actor actor, Account target) {
        require(rightsOf(actor).toUnlock(target.role()));
    }

    /** Creating an account of {@code role}. */
    static void requireMayCreate(Actor actor, Role role) {
        require(rightsOf(actor).toCreate(role));
    }

    private static AccountRights rightsOf(Actor actor) {
        return new AccountRights(actor.id(), actor.role());
    }

    private static void require(Optional<AccountRights.Refusal> refusal) {
        if (refusal.isPresent()) {
            AccountRights.Refusal r = refusal.get();
            throw switch (r.kind()) {
                case OWNER_PROTECTED -> new OwnerProtected(r.message());
                case FORBIDDEN -> new Forbidden(r.message());
            };
        }
    }
}
