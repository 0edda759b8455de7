package dev.warden.application;

import dev.warden.application.port.in.UseCaseCatalogue;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AlarmTopologyStatus;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginRecords;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.ReceiverClients;
import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.SetPushTransport;
import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.application.port.out.SsfPushSchedule;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.port.out.UserAgentParser;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.service.accounts.AccountStatusService;
import dev.warden.application.service.accounts.ChangeRoleService;
import dev.warden.application.service.accounts.CreateUserService;
import dev.warden.application.service.accounts.ListUsersService;
import dev.warden.application.service.accounts.ResetPasswordService;
import dev.warden.application.service.accounts.StepUpCheck;
import dev.warden.application.service.accounts.UnlockUserService;
import dev.warden.application.service.alarms.AlarmService;
import dev.warden.application.service.alarms.ListAlarmsService;
import dev.warden.application.service.audit.ListAuditEntriesService;
import dev.warden.application.service.auth.ChangeOwnPasswordService;
import dev.warden.application.service.auth.LoginService;
import dev.warden.application.service.auth.PasswordFailures;
import dev.warden.application.service.auth.PasswordProof;
import dev.warden.application.service.auth.PruneLoginDefencesService;
import dev.warden.application.service.auth.ReauthenticateService;
import dev.warden.application.service.operations.MeteredEventOutbox;
import dev.warden.application.service.operations.MonitoredEventPublisher;
import dev.warden.application.service.operations.OperationalFiguresService;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.application.service.operations.PurgeExpiredHistoryService;
import dev.warden.application.service.sessions.DescribeClientService;
import dev.warden.application.service.sessions.ListActiveSessionsService;
import dev.warden.application.service.sessions.LogoutService;
import dev.warden.application.service.sessions.OwnSessionsService;
import dev.warden.application.service.sessions.SessionEnding;
import dev.warden.application.service.sessions.SweepExpiredSessionsService;
import dev.warden.application.service.sessions.TerminateSessionService;
import dev.warden.application.service.sessions.TerminateSessionsFromAddressService;
import dev.warden.application.service.sessions.TerminateUserSessionsService;
import dev.warden.application.service.sessions.TimedSessionValidation;
import dev.warden.application.service.sessions.ValidateSessionService;
import dev.warden.application.service.ssf.EventFanOutService;
import dev.warden.application.service.ssf.OwnedStreams;
import dev.warden.application.service.ssf.ReceiverRegistrationService;
import dev.warden.application.service.ssf.ReceiverTokenService;
import dev.warden.application.service.ssf.SigningKeysService;
import dev.warden.application.service.ssf.StreamAdminService;
import dev.warden.application.service.ssf.StreamConfigurationService;
import dev.warden.application.service.ssf.StreamControlService;
import dev.warden.application.service.ssf.StreamPollService;
import dev.warden.application.service.ssf.StreamPushService;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.PausedStreamLimits;
import dev.warden.domain.ReceiverTokenPolicy;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The one wiring of the use cases: every application service built with {@code new} over the
 * outgoing ports and handed out by name in the {@link UseCaseCatalogue}. The composition root takes
 * its adapters' use cases from it; the use-case tests build it over in-memory fakes, so they test
 * what production runs. A service that implements several use cases is built once.
 */
public final class UseCaseWiring {

    /**
     * The outgoing ports the use cases need.
     *
     * @param alarmTopology the alarm topology's state when it runs in this process
     *                      ({@link AlarmTopologyStatus#ELSEWHERE} when it does not), for the operational figures
     */
    public record Ports(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
                       AuditTrail audit, EventOutbox outbox, AlarmStore alarms, PasswordHasher hasher,
                       PasswordBlocklist blocklist, KnownDevices devices, LoginThrottle throttle,
                       OperationalCounts counts, OutboxQueue outboxQueue, EventPublisher publisher,
                       HistoryRetention history, WardenMetrics metrics, AlarmTopologyStatus alarmTopology,
                       UserAgentParser userAgents, ReceiverClients receivers, SecurityEventSigner signer,
                       SsfStreams streams, SsfFanOutQueue fanOutQueue,
                       SsfPushSchedule pushSchedule, SetPushTransport pushTransport, LoginRecords loginRecords) {
    }

    /** The rules' tunable numbers. */
    /**
     * @param allowHttpPushEndpoints whether streams may push to {@code http://} (WARDEN_SSF_ALLOW_HTTP)
     * @param pausedStreams          what a paused stream keeps (WARDEN_SSF_PAUSED_RETENTION, _MAX_EVENTS)
     */
    public record Policies(WardenPolicy sessions, LoginThrottlePolicy throttle, RetentionPolicy retention,
                           ReceiverTokenPolicy receiverTokens, boolean allowHttpPushEndpoints,
                           PausedStreamLimits pausedStreams) {
        /** The receivers' tokens at their default lifetime, push endpoints https:// only. */
        public Policies(WardenPolicy sessions, LoginThrottlePolicy throttle, RetentionPolicy retention) {
            this(sessions, throttle, retention, ReceiverTokenPolicy.DEFAULTS, false);
        }

        /** Paused streams at their default limits. */
        public Policies(WardenPolicy sessions, LoginThrottlePolicy throttle, RetentionPolicy retention,
                        ReceiverTokenPolicy receiverTokens, boolean allowHttpPushEndpoints) {
            this(sessions, throttle, retention, receiverTokens, allowHttpPushEndpoints, PausedStreamLimits.DEFAULTS);
        }
    }

    private UseCaseWiring() {
    }

    public static UseCaseCatalogue wire(Ports p, Policies policies, Clock clock, SecureRandom random) {
        WardenPolicy policy = policies.sessions();
        // Every session end passes the outbox, so that is where ends are counted (after commit).
        EventOutbox outbox = new MeteredEventOutbox(p.outbox(), p.transactions(), p.metrics());
        // The relay's last outcomes, for the operational figures (the management port's "kafka" check).
        MonitoredEventPublisher publisher = new MonitoredEventPublisher(p.publisher(), p.metrics(), clock);
        // Shared by the use cases that end sessions, need a fresh password, or take a password guess.
        SessionEnding ending = new SessionEnding(p.sessions(), p.audit(), outbox);
        StepUpCheck stepUp = new StepUpCheck(p.sessions(), policy, clock);
        PasswordProof proof = new PasswordProof(p.accounts(), p.devices(), p.audit(), p.hasher(),
                new PasswordFailures(p.transactions(), p.accounts(), p.devices(), p.audit(), outbox, p.metrics(), policy),
                clock);
        OwnSessionsService ownSessions = new OwnSessionsService(p.transactions(), p.accounts(), p.sessions(), p.audit(),
                outbox, policy, clock);
        CreateUserService createUser = new CreateUserService(p.transactions(), p.accounts(), p.audit(), outbox,
                p.hasher(), p.blocklist(), stepUp, clock);
        AccountStatusService accountStatus = new AccountStatusService(p.transactions(), p.accounts(), p.sessions(),
                p.devices(), p.audit(), outbox, ending, stepUp, policy, clock);
        UnlockUserService unlock = new UnlockUserService(p.transactions(), p.accounts(), p.devices(), p.audit(), outbox,
                clock);
        AlarmService alarms = new AlarmService(p.transactions(), p.alarms(), p.audit(), p.fanOutQueue(), clock);
        DescribeClientService clients = new DescribeClientService(p.userAgents());
        ReceiverRegistrationService receivers = new ReceiverRegistrationService(p.transactions(), p.receivers(),
                p.streams(), p.audit(), stepUp, clock, random);
        OwnedStreams ownedStreams = new OwnedStreams(p.streams(), p.audit());
        StreamConfigurationService streamConfig = new StreamConfigurationService(p.transactions(), p.streams(),
                ownedStreams, policies.allowHttpPushEndpoints(), clock);
        StreamControlService streamControl = new StreamControlService(p.transactions(), p.streams(), p.accounts(),
                ownedStreams, clock);
        ReceiverTokenService receiverTokens = new ReceiverTokenService(p.receivers(), p.throttle(), policies.throttle(),
                policies.receiverTokens(), clock, random);
        return new UseCaseCatalogue(
                // sessions
                new TimedSessionValidation(
                        new ValidateSessionService(p.transactions(), p.sessions(), ending, policy, clock),
                        p.metrics()),
                new LogoutService(p.transactions(), p.sessions(), p.audit(), outbox, clock),
                new ListActiveSessionsService(p.sessions(), policy, clock),
                new TerminateSessionService(p.transactions(), p.sessions(), ending, policy, clock),
                new TerminateUserSessionsService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox,
                        policy, clock),
                new TerminateSessionsFromAddressService(p.transactions(), p.sessions(), p.audit(), ending, policy,
                        clock),
                new SweepExpiredSessionsService(p.transactions(), p.sessions(), ending, policy, clock),
                ownSessions,
                ownSessions,
                ownSessions,
                clients,
                // authentication
                new LoginService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox, p.hasher(),
                        policy, clock, random, p.devices(), p.throttle(), policies.throttle(), p.metrics(), clients,
                        p.loginRecords()),
                new ReauthenticateService(p.transactions(), p.sessions(), p.audit(), proof, clock),
                new ChangeOwnPasswordService(p.transactions(), p.accounts(), p.sessions(), p.devices(), p.audit(),
                        outbox, ending, proof, p.hasher(), p.blocklist(), policy, clock),
                new PruneLoginDefencesService(p.throttle(), p.devices(), policies.throttle(), clock),
                // accounts
                new ListUsersService(p.accounts(), policy, clock),
                createUser,
                createUser,
                accountStatus,
                accountStatus,
                new ChangeRoleService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox, policy, stepUp,
                        clock),
                new ResetPasswordService(p.transactions(), p.accounts(), p.sessions(), p.devices(), p.audit(), outbox,
                        ending, stepUp, p.hasher(), p.blocklist(), policy, clock),
                unlock,
                unlock,
                // audit
                new ListAuditEntriesService(p.audit()),
                // alarms
                new ListAlarmsService(p.alarms()),
                alarms,
                alarms,
                // operations
                new OutboxRelayService(p.outboxQueue(), publisher, p.metrics()),
                new PurgeExpiredHistoryService(p.history(), policies.retention(), clock),
                new OperationalFiguresService(p.counts(), policy, clock, publisher::status, p.alarmTopology()),
                // Shared Signals receivers
                receivers,
                receivers,
                receivers,
                receiverTokens,
                receiverTokens,
                new SigningKeysService(p.signer()),
                // Shared Signals streams
                streamConfig,
                streamConfig,
                streamConfig,
                streamConfig,
                streamConfig,
                streamControl,
                streamControl,
                streamControl,
                streamControl,
                new StreamPollService(p.transactions(), p.streams(), ownedStreams, p.signer(), clock,
                        StreamPollService.Pause.SLEEP),
                new StreamAdminService(p.streams(), p.receivers()),
                new EventFanOutService(p.transactions(), p.fanOutQueue(), p.streams(), clock),
                new StreamPushService(p.transactions(), p.streams(), p.pushSchedule(), p.pushTransport(), p.signer(),
                        p.metrics(), clock, random, policies.allowHttpPushEndpoints(), policies.pausedStreams()))
                .complete();
    }
}
