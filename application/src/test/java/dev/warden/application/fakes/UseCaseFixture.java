package dev.warden.application.fakes;

import static dev.warden.domain.testdata.TestData.anAccount;

import dev.warden.application.UseCaseWiring;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.UseCaseCatalogue;
import dev.warden.application.port.in.accounts.BreakGlassUnlockUseCase;
import dev.warden.application.port.in.accounts.ChangeRoleUseCase;
import dev.warden.application.port.in.accounts.CreateUserUseCase;
import dev.warden.application.port.in.accounts.DisableUserUseCase;
import dev.warden.application.port.in.accounts.EnableUserUseCase;
import dev.warden.application.port.in.accounts.EnsureOwnerUseCase;
import dev.warden.application.port.in.accounts.ListUsersUseCase;
import dev.warden.application.port.in.accounts.ResetPasswordUseCase;
import dev.warden.application.port.in.accounts.UnlockUserUseCase;
import dev.warden.application.port.in.alarms.AcknowledgeAlarmUseCase;
import dev.warden.application.port.in.alarms.ListAlarmsUseCase;
import dev.warden.application.port.in.alarms.RecordAlarmEventUseCase;
import dev.warden.application.port.in.audit.ListAuditEntriesUseCase;
import dev.warden.application.port.in.auth.ChangeOwnPasswordUseCase;
import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.auth.PruneLoginDefencesUseCase;
import dev.warden.application.port.in.auth.ReauthenticateUseCase;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.EndOtherOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.EndOwnSessionUseCase;
import dev.warden.application.port.in.sessions.ListActiveSessionsUseCase;
import dev.warden.application.port.in.sessions.ListOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.LogoutUseCase;
import dev.warden.application.port.in.sessions.SweepExpiredSessionsUseCase;
import dev.warden.application.port.in.sessions.TerminateSessionUseCase;
import dev.warden.application.port.in.sessions.TerminateSessionsFromAddressUseCase;
import dev.warden.application.port.in.sessions.TerminateUserSessionsUseCase;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AlarmTopologyStatus;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.domain.Account;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.ReceiverTokenPolicy;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import dev.warden.domain.Username;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application as production wires it ({@link UseCaseWiring}), over in-memory fakes and a
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
    public final InMemoryReceiverClients receivers = stores.receivers;
    public final InMemorySsfStreams streams = stores.streams;
    public final FakeSecurityEventSigner signer = new FakeSecurityEventSigner(FakeSecurityEventSigner.TWO_KEYS);
    public final InMemorySsfPushSchedule pushSchedule = new InMemorySsfPushSchedule(streams);
    public final ScriptedPushTransport pushTransport = new ScriptedPushTransport();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final RecordingMetrics metrics = new RecordingMetrics();
    public final FakeUserAgentParser userAgents = new FakeUserAgentParser();
    /** How many times the strength estimate and blocklist were consulted (the costly password check). */
    public final java.util.concurrent.atomic.AtomicInteger blocklistChecks = new java.util.concurrent.atomic.AtomicInteger();

    /** What the relay published (it runs only when a test asks it to). */
    public final List<OutboxEvent> published = new CopyOnWriteArrayList<>();
    /** While true the broker acknowledges nothing: the relay's publisher throws PublishFailed. */
    public final AtomicBoolean brokerDown = new AtomicBoolean();
    /** The alarm topology in this process, as its port reports it; null: it runs elsewhere. */
    public final AtomicReference<AlarmTopologyStatus.State> alarmTopology = new AtomicReference<>();

    /** The application's catalogue, as production wires it. */
    public final UseCaseCatalogue useCases;
    public final LoginUseCase login;
    public final ValidateSessionUseCase validate;
    public final LogoutUseCase logout;
    public final TerminateSessionUseCase terminate;
    public final TerminateUserSessionsUseCase terminateAll;
    public final TerminateSessionsFromAddressUseCase terminateFromAddress;
    public final SweepExpiredSessionsUseCase sweep;
    public final CreateUserUseCase createUser;
    public final EnsureOwnerUseCase ensureOwner;
    public final UnlockUserUseCase unlock;
    public final BreakGlassUnlockUseCase breakGlass;
    public final ListActiveSessionsUseCase listSessions;
    public final ListUsersUseCase listUsers;
    public final ListAuditEntriesUseCase listAudit;
    public final ListAlarmsUseCase listAlarms;
    public final RecordAlarmEventUseCase recordAlarm;
    public final AcknowledgeAlarmUseCase acknowledgeAlarm;
    public final PruneLoginDefencesUseCase prune;
    public final DisableUserUseCase disableUser;
    public final EnableUserUseCase enableUser;
    public final ChangeRoleUseCase changeRole;
    public final ResetPasswordUseCase resetPassword;
    public final ListOwnSessionsUseCase listOwnSessions;
    public final EndOwnSessionUseCase endOwnSession;
    public final EndOtherOwnSessionsUseCase endOtherOwnSessions;
    public final ChangeOwnPasswordUseCase changeOwnPassword;
    public final ReauthenticateUseCase reauthenticate;

    public UseCaseFixture() {
        this(WardenPolicy.DEFAULTS);
    }

    public UseCaseFixture(WardenPolicy policy) {
        this(policy, LoginThrottlePolicy.DEFAULTS);
    }

    public UseCaseFixture(WardenPolicy policy, LoginThrottlePolicy throttlePolicy) {
        this.policy = policy;
        this.throttlePolicy = throttlePolicy;
        useCases = UseCaseWiring.wire(new UseCaseWiring.Ports(transactions, accounts, sessions, audit,
                        outbox, alarms, hasher, password -> {
                            blocklistChecks.incrementAndGet();
                            return BLOCKLIST.contains(password);
                        }, devices, throttle, stores.counts, outbox, this::publish, stores.retention, metrics,
                        () -> Optional.ofNullable(alarmTopology.get()), userAgents, receivers, signer, streams,
                        outbox, pushSchedule, pushTransport, stores.loginRecords),
                new UseCaseWiring.Policies(policy, throttlePolicy, RetentionPolicy.DEFAULTS, ReceiverTokenPolicy.DEFAULTS,
                        false), clock, new SecureRandom());
        login = useCases.login();
        validate = useCases.validateSession();
        logout = useCases.logout();
        terminate = useCases.terminateSession();
        terminateAll = useCases.terminateUserSessions();
        terminateFromAddress = useCases.terminateSessionsFromAddress();
        sweep = useCases.sweepExpiredSessions();
        createUser = useCases.createUser();
        ensureOwner = useCases.ensureOwner();
        unlock = useCases.unlockUser();
        breakGlass = useCases.breakGlassUnlock();
        listSessions = useCases.listActiveSessions();
        listUsers = useCases.listUsers();
        listAudit = useCases.listAuditEntries();
        listAlarms = useCases.listAlarms();
        recordAlarm = useCases.recordAlarmEvent();
        acknowledgeAlarm = useCases.acknowledgeAlarm();
        prune = useCases.pruneLoginDefences();
        disableUser = useCases.disableUser();
        enableUser = useCases.enableUser();
        changeRole = useCases.changeRole();
        resetPassword = useCases.resetPassword();
        listOwnSessions = useCases.listOwnSessions();
        endOwnSession = useCases.endOwnSession();
        endOtherOwnSessions = useCases.endOtherOwnSessions();
        changeOwnPassword = useCases.changeOwnPassword();
        reauthenticate = useCases.reauthenticate();
    }

    /** An account with {@link #PASSWORD}, stored directly; the name is normalised as a created account's is. */
    private void publish(List<OutboxEvent> events) {
        if (brokerDown.get()) {
            throw new EventPublisher.PublishFailed("Kafka did not acknowledge events within PT10S", null);
        }
        published.addAll(events);
    }

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
