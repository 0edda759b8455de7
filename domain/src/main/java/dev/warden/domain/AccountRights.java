package dev.warden.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may change whose account, for one acting account. The owner is out of everyone's reach for
 * what would lock the owner out (disable, demote), and only the owner resets the owner's password:
 * {@link Refusal.Kind#OWNER_PROTECTED}. ADMIN accounts are the owner's to manage: an ADMIN acting on
 * an ADMIN, or making one, is {@link Refusal.Kind#FORBIDDEN}, and so is unlocking an ADMIN or the
 * owner. ADMINs manage USERs; a USER manages nobody; nobody resets their own password here.
 * Terminating sessions is open to every administrator, the owner's included: it does not change who
 * the account is.
 *
 * <p>The use cases enforce the refusals; the API reports the same answers per account
 * ({@link #actionsOn}, {@link #assignableRoles}, {@link #creatableRoles}), so the console offers
 * exactly what would succeed and knows no rule of its own.
 *
 * @param actorId   the account that acts
 * @param actorRole its role as of this request
 */
public record AccountRights(UserId actorId, Role actorRole) {

    /** What an administrator can do to an account on the Users page, besides ending its sessions. */
    public enum Action { UNLOCK, DISABLE, ENABLE, RESET_PASSWORD }

    /** Why an action is refused, in the words the API answers with. */
    public record Refusal(Kind kind, String message) {
        /** 409 owner-protected or 403 forbidden. */
        public enum Kind { OWNER_PROTECTED, FORBIDDEN }
    }

    /** The roles an account can be created with or given: there is exactly one owner, made at first start. */
    private static final List<Role> GRANTABLE = List.of(Role.USER, Role.ADMIN);

    public AccountRights {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(actorRole, "actorRole");
    }

    public Optional<Refusal> toDisable(Role targetRole) {
        if (targetRole == Role.OWNER) {
            return ownerProtected("The owner account cannot be disabled.");
        }
        return toManage(targetRole);
    }

    /** Enabling the owner changes nothing (the owner is always active), so it is nobody's concern. */
    public Optional<Refusal> toEnable(Role targetRole) {
        return targetRole == Role.OWNER ? Optional.empty() : toManage(targetRole);
    }

    public Optional<Refusal> toChangeRole(Role targetRole, Role newRole) {
        if (targetRole == Role.OWNER) {
            return ownerProtected("The owner account cannot be demoted.");
        }
        return toManage(targetRole).or(() -> toManage(newRole));
    }

    /**
     * Nobody resets their own password here: that would let a stolen session take the account for
     * good without knowing its password. Changing one's own password asks for the current one.
     */
    public Optional<Refusal> toResetPassword(UserId targetId, Role targetRole) {
        if (actorId.equals(targetId)) {
            return forbidden("You cannot reset your own password here; change it with POST /api/auth/password,"
                    + " which asks for the current one.");
        }
        if (targetRole == Role.OWNER) {
            return ownerProtected("Only the owner can change the owner's password.");
        }
        return toManage(targetRole);
    }

    /**
     * Lifting a lock on an ADMIN or the OWNER is the owner's: otherwise a rogue ADMIN could
     * alternate guesses and unlocks against the owner. ADMINs unlock USERs.
     */
    public Optional<Refusal> toUnlock(Role targetRole) {
        if (targetRole == Role.OWNER || targetRole == Role.ADMIN) {
            return actorRole == Role.OWNER ? Optional.empty()
                    : forbidden("Only the owner unlocks an ADMIN or the owner.");
        }
        return toManage(targetRole);
    }

    /** Creating an account of {@code role}. */
    public Optional<Refusal> toCreate(Role role) {
        return toManage(role);
    }

    /**
     * The actions that would succeed on an account in this state: unlock while it is locked,
     * disable while active, enable while disabled, reset its password; each only where allowed.
     */
    public Set<Action> actionsOn(UserId targetId, Role targetRole, AccountStatus status, boolean locked) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (locked && toUnlock(targetRole).isEmpty()) {
            actions.add(Action.UNLOCK);
        }
        if (status == AccountStatus.ACTIVE && toDisable(targetRole).isEmpty()) {
            actions.add(Action.DISABLE);
        }
        if (status == AccountStatus.DISABLED && toEnable(targetRole).isEmpty()) {
            actions.add(Action.ENABLE);
        }
        if (toResetPassword(targetId, targetRole).isEmpty()) {
            actions.add(Action.RESET_PASSWORD);
        }
        return actions;
    }

    /** The roles the account may be given now: a change, so never the role it has. */
    public List<Role> assignableRoles(Role targetRole) {
        return GRANTABLE.stream()
                .filter(role -> role != targetRole && toChangeRole(targetRole, role).isEmpty())
                .toList();
    }

    /** The roles a new account may have when this actor creates it. */
    public List<Role> creatableRoles() {
        return GRANTABLE.stream().filter(role -> toCreate(role).isEmpty()).toList();
    }

    private Optional<Refusal> toManage(Role targetRole) {
        if (!actorRole.canAdminister()) {
            return forbidden("This needs the OWNER or ADMIN role.");
        }
        if (targetRole == Role.ADMIN && actorRole != Role.OWNER) {
            return forbidden("Only the owner manages ADMIN accounts.");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> ownerProtected(String message) {
        return Optional.of(new Refusal(Refusal.Kind.OWNER_PROTECTED, message));
    }

    private static Optional<Refusal> forbidden(String message) {
        return Optional.of(new Refusal(Refusal.Kind.FORBIDDEN, message));
    }
}
