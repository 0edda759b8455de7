package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.accounts.ChangeRoleUseCase;
import dev.warden.application.port.in.accounts.RoleChange;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.StepUp;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * Makes a USER an ADMIN or an ADMIN a USER. Sessions are left alone: validation reads the account
 * with every request, so the new role holds from each session's next request. Setting the role an
 * account already has changes and records nothing. Making or unmaking an ADMIN needs a fresh
 * password entry ({@link StepUp}).
 */
public record ChangeRoleService(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
        AuditTrail audit, EventOutbox outbox, WardenPolicy policy, StepUpCheck stepUp, Clock clock)
        implements ChangeRoleUseCase {

    @Override
    public UserSummary changeRole(UserId userId, Role role, Actor actor) {
        actor.requireAdministrator();
        new RoleChange(role);
        Account changed = transactions.inTransaction(() -> {
            Instant now = Now.of(clock);
            Account account = accounts.lockById(userId).orElseThrow(() -> AccountStatusService.notFound(userId));
            ManagementRights.requireMayChangeRole(actor, account, role);
            stepUp.requireIf(account.role() != role && StepUp.neededToChangeRole(account.role(), role), actor);
            if (account.role() == role) {
                return account;
            }
            Account after = account.withRole(role);
            accounts.update(after);
            audit.append(AuditEntry.of(AuditType.ROLE_CHANGED, now)
                    .withUser(account.id(), account.username())
                    .withActor(actor.id(), actor.username())
                    .withReason(account.role() + " -> " + role));
            outbox.append(AccountEvent.of(AccountEvent.Type.ROLE_CHANGED, after, actor.id(), now));
            return after;
        });
        return summary(changed);
    }

    /** The Users page row of the account: its active sessions counted as the list counts them. */
    private UserSummary summary(Account account) {
        Instant now = Now.of(clock);
        Page<Session> active = sessions.listActive(new ActiveSessionQuery(
                new PageRequest(PageRequest.MAX_LIMIT, 0), null, account.id(), null, null), ActiveWindow.at(now, policy));
        int distinctIps = (int) active.items().stream().map(Session::ipAddress).distinct().count();
        return new UserSummary(account.id(), account.username(), account.role(), account.status(),
                account.createdAt(), (int) active.total(), distinctIps, account.activeLockAt(now).orElse(null));
    }
}
