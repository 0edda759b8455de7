package dev.warden.application.fakes;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.LoginUseCase.LoginResult;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.service.AccountStatusService;
import dev.warden.application.service.AdminQueriesService;
import dev.warden.application.service.AlarmService;
import dev.warden.application.service.ChangeOwnPasswordService;
import dev.warden.application.service.ChangeRoleService;
import dev.warden.application.service.CreateUserService;
import dev.warden.application.service.LoginService;
import dev.warden.application.service.LogoutService;
import dev.warden.application.service.OwnSessionsService;
import dev.warden.application.service.PruneLoginDefencesService;
import dev.warden.application.service.ResetPasswordService;
import dev.warden.application.service.SweepExpiredSessionsService;
import dev.warden.application.service.TerminateSessionService;
import dev.warden.application.service.TerminateUserSessionsService;
import dev.warden.application.service.UnlockUserService;
import dev.warden.application.service.ValidateSessionService;
import dev.warden.domain.Account;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import dev.warden.domain.Username;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/** Every service wired to in-memory fakes, with a movable clock: the use cases as a unit. */
public final class UseCaseFixture {
    public static final Instant START = Instant.parse("2026-11-26T08:00:00Z");
    public static final String PASSWORD = "correct horse battery";
    public static final Set<String> BLOCKLIST = Set.of("password1234", "qwertyuiop123");

    public final WardenPolicy policy;
    public final MutableClock clock = new MutableClock(START);
    public final DirectTransactions transactions = new DirectTransactions();
    public final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    public final InMemorySessionStore sessions = new InMemorySessionStore(accounts);
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    public final InMemoryAlarmStore alarms = new InMemoryAlarmStore();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final InMemoryKnownDevices devices = new InMemoryKnownDevices();
    public final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle();
    public final LoginThrottlePolicy throttlePolicy;

    public final LoginService login;
    public final ValidateSessionService validate;
    public final LogoutService logout;
    public final TerminateSessionService terminate;
    public final TerminateUserSessionsService terminateAll;
    public final SweepExpiredSessionsService sweep;
    public final CreateUserService createUser;
    public final CreateUserService ensureOwner;
    public final UnlockUserService unlock;
    public final AdminQueriesService queries;
    public final AlarmService alarmService;
    public final PruneLoginDefencesService prune;
    public final AccountStatusService accountStatus;
    public final ChangeRoleService changeRole;
    public final ResetPasswordService resetPassword;
    public final OwnSessionsService ownSessions;
    public final ChangeOwnPasswordService changeOwnPassword;

    public UseCaseFixture() {
        this(WardenPolicy.DEFAULTS);
    }

    public UseCaseFixture(WardenPolicy policy) {
        this(policy, LoginThrottlePolicy.DEFAULTS);
    }

    public UseCaseFixture(WardenPolicy policy, LoginThrottlePolicy throttlePolicy) {
        this.policy = policy;
        this.throttlePolicy = throttlePolicy;
        accounts.countSessionsWith(window -> sessions.listActive(
                dev.warden.application.port.in.ActiveSessionQuery.all(
                        new dev.warden.application.port.in.PageRequest(500, 0)), window).items());
        login = new LoginService(transactions, accounts, sessions, audit, outbox, hasher, policy, clock,
                new SecureRandom(), devices, throttle, throttlePolicy);
        validate = new ValidateSessionService(transactions, sessions, audit, outbox, policy, clock);
        logout = new LogoutService(transactions, sessions, audit, outbox, clock);
        terminate = new TerminateSessionService(transactions, sessions, audit, outbox, policy, clock);
        terminateAll = new TerminateUserSessionsService(transactions, accounts, sessions, audit, outbox, policy, clock);
        sweep = new SweepExpiredSessionsService(transactions, sessions, audit, outbox, policy, clock);
        createUser = new CreateUserService(transactions, accounts, audit, outbox, hasher, BLOCKLIST::contains, clock);
        ensureOwner = createUser;
        unlock = new UnlockUserService(transactions, accounts, devices, audit, outbox, clock);
        prune = new PruneLoginDefencesService(throttle, devices, throttlePolicy, clock);
        queries = new AdminQueriesService(sessions, accounts, audit, alarms, policy, clock);
        alarmService = new AlarmService(transactions, alarms, audit, clock);
        accountStatus = new AccountStatusService(transactions, accounts, sessions, audit, outbox, policy, clock);
        changeRole = new ChangeRoleService(transactions, accounts, sessions, audit, outbox, policy, clock);
        resetPassword = new ResetPasswordService(transactions, accounts, sessions, audit, outbox, hasher,
                BLOCKLIST::contains, policy, clock);
        ownSessions = new OwnSessionsService(transactions, accounts, sessions, audit, outbox, policy, clock);
        changeOwnPassword = new ChangeOwnPasswordService(transactions, accounts, sessions, audit, outbox, hasher,
                BLOCKLIST::contains, policy, clock);
    }

    /** An account with {@link #PASSWORD}, stored directly. */
    public Account givenAccount(String username, Role role) {
        Account account = Account.create(UserId.random(), new Username(username), hasher.hash(PASSWORD), role,
                clock.instant());
        accounts.insert(account);
        return account;
    }

    public Actor admin() {
        Account admin = accounts.findByUsername("admin").orElseGet(() -> givenAccount("admin", Role.ADMIN));
        return new Actor(admin.id(), admin.username(), admin.role());
    }

    public Actor owner() {
        Account owner = accounts.findByUsername("owner").orElseGet(() -> givenAccount("owner", Role.OWNER));
        return new Actor(owner.id(), owner.username(), owner.role());
    }

    public static Actor actor(Account account) {
        return new Actor(account.id(), account.username(), account.role());
    }

    public Account account(UserId id) {
        return accounts.findById(id).orElseThrow();
    }

    public LoginResult loginFrom(String username, String ip) {
        return login.login(username, PASSWORD, new ClientInfo(ip, "test-agent"));
    }

    public int activeSessionsOf(UserId userId) {
        return sessions.countActiveByUser(userId, ActiveWindow.at(clock.instant(), policy));
    }
}
