package dev.warden.application.fakes;

import static dev.warden.domain.testdata.TestData.anAccount;

import dev.warden.application.ApplicationServices;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.service.AdminQueriesService;
import dev.warden.application.service.accounts.AccountStatusService;
import dev.warden.application.service.accounts.ChangeRoleService;
import dev.warden.application.service.accounts.CreateUserService;
import dev.warden.application.service.accounts.ResetPasswordService;
import dev.warden.application.service.accounts.UnlockUserService;
import dev.warden.application.service.alarms.AlarmService;
import dev.warden.application.service.auth.ChangeOwnPasswordService;
import dev.warden.application.service.auth.LoginService;
import dev.warden.application.service.auth.PruneLoginDefencesService;
import dev.warden.application.service.auth.ReauthenticateService;
import dev.warden.application.service.sessions.LogoutService;
import dev.warden.application.service.sessions.OwnSessionsService;
import dev.warden.application.service.sessions.SweepExpiredSessionsService;
import dev.warden.application.service.sessions.TerminateSessionService;
import dev.warden.application.service.sessions.TerminateUserSessionsService;
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

/**
 * The application as production wires it ({@link ApplicationServices}), over in-memory fakes and a
 * movable clock: the use cases as a unit. The fields name the stores and services for the tests.
 */
public final class UseCaseFixture {
    public static final Instant START = Instant.parse("2026-11-26T08:00:00Z");
    public static final String PASSWORD = "correct horse battery";
    public static final Set<String> BLOCKLIST = Set.of("password1234", "qwertyuiop123");

    public final WardenPolicy policy;
    public final LoginThrottlePolicy throttlePolicy;
    public final MutableClock clock = new MutableClock(START);
    public final InMemoryStores stores = new InMemoryStores(clock);
    public final InMemoryTransactions transactions = stores.transactions;
    public final InMemoryUserAccounts accounts = stores.accounts;
    public final InMemorySessionStore sessions = stores.sessions;
    public final InMemoryAuditTrail audit = stores.audit;
    public final InMemoryOutbox outbox = stores.outbox;
    public final InMemoryAlarmStore alarms = stores.alarms;
    public final InMemoryKnownDevices devices = stores.devices;
    public final InMemoryLoginThrottle throttle = stores.throttle;
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final RecordingMetrics metrics = new RecordingMetrics();
    /** How many times the strength estimate and blocklist were consulted (the costly password check). */
    public final java.util.concurrent.atomic.AtomicInteger blocklistChecks = new java.util.concurrent.atomic.AtomicInteger();

    public final ApplicationServices services;
    public final LoginService login;
    public final ValidateSessionUseCase validate;
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
    public final ReauthenticateService reauthenticate;

    public UseCaseFixture() {
        this(WardenPolicy.DEFAULTS);
    }

    public UseCaseFixture(WardenPolicy policy) {
        this(policy, LoginThrottlePolicy.DEFAULTS);
    }

    public UseCaseFixture(WardenPolicy policy, LoginThrottlePolicy throttlePolicy) {
        this.policy = policy;
        this.throttlePolicy = throttlePolicy;
        services = ApplicationServices.wire(new ApplicationServices.Ports(transactions, accounts, sessions, audit,
                        outbox, alarms, hasher, password -> {
                            blocklistChecks.incrementAndGet();
                            return BLOCKLIST.contains(password);
                        }, devices, throttle, stores.counts, metrics),
                policy, throttlePolicy, clock, new SecureRandom());
        login = services.login();
        validate = services.validateSession();
        logout = services.logout();
        terminate = services.terminateSession();
        terminateAll = services.terminateUserSessions();
        sweep = services.sweepExpiredSessions();
        createUser = services.createUser();
        ensureOwner = services.createUser();
        unlock = services.unlockUser();
        queries = services.queries();
        alarmService = services.alarms();
        prune = services.pruneLoginDefences();
        accountStatus = services.accountStatus();
        changeRole = services.changeRole();
        resetPassword = services.resetPassword();
        ownSessions = services.ownSessions();
        changeOwnPassword = services.changeOwnPassword();
        reauthenticate = services.reauthenticate();
    }

    /** An account with {@link #PASSWORD}, stored directly; the name is normalised as a created account's is. */
    public Account givenAccount(String username, Role role) {
        Account account = anAccount(new Username(username).value()).withRole(role).withPasswordHash(hasher.hash(PASSWORD))
                .createdAt(clock.instant()).build();
        accounts.insert(account);
        return account;
    }

    /** The admin, acting through no session: fine for everything but the sensitive actions (step-up). */
    public Actor admin() {
        Account admin = accounts.findByUsername("admin").orElseGet(() -> givenAccount("admin", Role.ADMIN));
        return new Actor(admin.id(), admin.username(), admin.role(), null);
    }

    /** The owner, acting through no session: fine for everything but the sensitive actions (step-up). */
    public Actor owner() {
        Account owner = accounts.findByUsername("owner").orElseGet(() -> givenAccount("owner", Role.OWNER));
        return new Actor(owner.id(), owner.username(), owner.role(), null);
    }

    /** The owner acting through a session that has just logged in: fresh for the sensitive actions. */
    public Actor freshOwner() {
        return actorOf(loginFrom(owner().username(), "192.0.2.254"));
    }

    public static Actor actor(Account account) {
        return new Actor(account.id(), account.username(), account.role(), null);
    }

    /** The actor of a login's session, as the API builds it for requests with that session. */
    public static Actor actorOf(LoginResult login) {
        return new dev.warden.application.port.in.sessions.AuthenticatedSession(login.session(), login.account()).actor();
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
