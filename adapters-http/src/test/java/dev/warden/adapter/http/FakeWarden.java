package dev.warden.adapter.http;

import static dev.warden.domain.testdata.TestData.aSession;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.UseCaseCatalogue;
import dev.warden.application.port.in.accounts.AccountView;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Backlog;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Alarm;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.SessionToken;
import dev.warden.domain.UserId;
import dev.warden.domain.testdata.TestData;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * In-memory stand-ins for the use cases: two accounts (an ADMIN and a USER) with one session each,
 * call recording, and a failure that the next use-case call throws.
 */
final class FakeWarden {
    static final Instant NOW = Instant.parse("2026-11-26T15:04:05Z");
    static final String PASSWORD = "correct horse battery staple";
    private static final SecureRandom RANDOM = new SecureRandom();

    // The HTTP adapter is never handed an Account (it holds the password hash): only AccountView.
    final AccountView admin = new AccountView(UserId.random(), "alice", Role.ADMIN, AccountStatus.ACTIVE,
            NOW.minus(Duration.ofDays(30)));
    final AccountView user = new AccountView(UserId.random(), "bob", Role.USER, AccountStatus.ACTIVE,
            NOW.minus(Duration.ofDays(20)));
    final SessionToken adminToken = SessionToken.generate(RANDOM);
    final SessionToken userToken = SessionToken.generate(RANDOM);
    final Session adminSession = session(admin, adminToken);
    final Session userSession = session(user, userToken);
    final Session adminPhone = session(admin, SessionToken.generate(RANDOM));
    final Session userPhone = session(user, SessionToken.generate(RANDOM));

    final List<String> calls = new CopyOnWriteArrayList<>();
    /**
     * The receiver use cases as the application wires them, over in-memory stores, rebuilt by every
     * {@link #reset}: so the SSF API tests see real secrets, tokens, scopes and revocations. The
     * admin's session is in its store and its clock a minute past that login: fresh for the
     * step-up until {@link #staleAdminSession()}.
     */
    volatile UseCaseFixture receivers = receivers();
    final Set<String> endedTokens = ConcurrentHashMap.newKeySet();
    volatile RuntimeException failure;
    volatile ClientInfo lastLoginClient;
    volatile DeviceToken lastLoginDevice;
    /** The device token a successful login hands back (the presented one, as the real service does). */
    final DeviceToken newDevice = DeviceToken.generate(RANDOM);
    volatile Object lastQuery;
    volatile String lastPassword;
    /** When set, the Sessions list answers with this instead of its one page (the CSV export's walks). */
    volatile Function<ActiveSessionQuery, Page<Session>> sessionPages;
    /** When set, the Auth Audit list answers with this instead of its one entry. */
    volatile Function<AuditQuery, Page<AuditEntry>> auditPages;

    void reset() {
        receivers = receivers();
        lastPassword = null;
        calls.clear();
        endedTokens.clear();
        failure = null;
        lastLoginClient = null;
        lastLoginDevice = null;
        lastQuery = null;
        sessionPages = null;
        auditPages = null;
    }

    /** The next use-case call (other than session validation) throws this. */
    void failNextWith(RuntimeException e) {
        failure = e;
    }

    /** The HTTP adapter's view of the application: the fakes below, and the non-HTTP use cases unused. */
    UseCaseCatalogue useCases() {
        return useCases(this::validate);
    }

    /** The same, with another session validation (a database outage, say). */
    UseCaseCatalogue useCases(ValidateSessionUseCase validate) {
        return new UseCaseCatalogue(
                validate,
                (current, client) -> {
                    maybeFail();
                    endedTokens.add(current.session().id().toString());
                    calls.add("logout " + current.account().username());
                },
                (query, actor) -> {
                    maybeFail();
                    lastQuery = query;
                    calls.add("listSessions by " + actor.username());
                    if (sessionPages != null) {
                        return sessionPages.apply(query);
                    }
                    // Without filters, as many sessions as a big deployment has: more than the total counts.
                    boolean all = query.userId() == null && query.ipAddress() == null && query.q() == null;
                    return new Page<>(List.of(adminSession, userSession), all ? ActiveSessionQuery.TOTAL_CAP : 2, all,
                            query.page().limit(), query.page().offset(),
                            new SessionCursor(userSession.lastActiveAt(), userSession.id()).encode());
                },
                (sessionId, actor) -> {
                    maybeFail();
                    calls.add("terminate " + sessionId + " by " + actor.username());
                },
                (userId, actor) -> {
                    maybeFail();
                    calls.add("terminateAll " + userId + " by " + actor.username());
                    return 3;
                },
                (command, actor) -> {
                    maybeFail();
                    calls.add("terminateFromAddress " + command.ip()
                            + (command.userId() == null ? "" : " of " + command.userId()) + " by " + actor.username());
                    return 4;
                },
                () -> unused(),
                current -> {
                    maybeFail();
                    calls.add("listOwn " + current.account().username());
                    return List.of(current.session(), otherSessionOf(current.account()));
                },
                (sessionId, current, client) -> {
                    maybeFail();
                    calls.add("endOwn " + sessionId + " by " + current.account().username());
                    if (sessionId.equals(current.session().id())) {
                        endedTokens.add(sessionId.toString());
                    }
                },
                (current, client) -> {
                    maybeFail();
                    calls.add("endOthers of " + current.account().username());
                    return 1;
                },
                // Every fixture session's user agent reads as Firefox on Linux (the real parsing is adapters-useragent's).
                userAgent -> TestData.FIREFOX_ON_LINUX,
                this::login,
                (current, password, device, client) -> {
                    maybeFail();
                    calls.add("reauthenticate " + current.account().username());
                    lastPassword = password;
                    lastLoginDevice = device;
                },
                (current, currentPassword, newPassword, client, device) -> {
                    maybeFail();
                    calls.add("changePassword of " + current.account().username());
                    lastPassword = newPassword;
                    lastLoginDevice = device;
                },
                () -> unused(),
                (UserQuery query, dev.warden.application.port.in.Actor actor) -> {
                    maybeFail();
                    lastQuery = query;
                    return new Page<>(List.of(new UserSummary(user.id(), user.username(), user.role(), user.status(),
                            user.createdAt(), 1, 1, NOW.plus(Duration.ofMinutes(15)))), 1,
                            query.page().limit(), query.page().offset(), null);
                },
                (username, password, role, actor) -> {
                    maybeFail();
                    calls.add("create " + username + " " + role + " by " + actor.username());
                    return new UserSummary(UserId.random(), username, role, AccountStatus.ACTIVE, NOW, 0, 0, null);
                },
                (username, password) -> unused(),
                (userId, actor) -> {
                    maybeFail();
                    calls.add("disable " + userId + " by " + actor.username());
                    return 2;
                },
                (userId, actor) -> {
                    maybeFail();
                    calls.add("enable " + userId + " by " + actor.username());
                },
                (userId, role, actor) -> {
                    maybeFail();
                    calls.add("role " + userId + " " + role + " by " + actor.username());
                    return new UserSummary(userId, "carol", role, AccountStatus.ACTIVE, NOW, 1, 1, null);
                },
                (userId, password, actor) -> {
                    maybeFail();
                    calls.add("resetPassword " + userId + " by " + actor.username());
                    lastPassword = password;
                    return 4;
                },
                (userId, actor) -> {
                    maybeFail();
                    calls.add("unlock " + userId + " by " + actor.username());
                },
                (username, operator) -> unused(),
                (AuditQuery query, dev.warden.application.port.in.Actor actor) -> {
                    maybeFail();
                    lastQuery = query;
                    if (auditPages != null) {
                        return auditPages.apply(query);
                    }
                    AuditEntry entry = AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW)
                            .withUser(admin.id(), admin.username())
                            .withSession(adminSession.id())
                            .withClient(new ClientInfo("192.0.2.10", "Firefox"));
                    return new Page<>(List.of(entry), 1, query.page().limit(), query.page().offset(),
                            new PageCursor(entry.occurredAt(), entry.id()).encode());
                },
                (AlarmQuery query, dev.warden.application.port.in.Actor actor) -> {
                    maybeFail();
                    lastQuery = query;
                    Alarm alarm = new Alarm(UUID.randomUUID(), user.id(), user.username(), 4,
                            List.of("203.0.113.9", "198.51.100.7", "10.0.0.10", "10.0.0.2"), Alarm.Status.OPEN,
                            NOW, null, null, null);
                    return new Page<>(List.of(alarm), 1, query.page().limit(), query.page().offset(), null);
                },
                (alarmId, actor) -> {
                    maybeFail();
                    calls.add("acknowledge " + alarmId + " by " + actor.username());
                },
                event -> unused(),
                () -> unused(),
                () -> unused(),
                noFigures(),
                // Shared Signals receivers: the real services over in-memory stores (see receivers()).
                (name, actor) -> {
                    maybeFail();
                    calls.add("registerReceiver by " + actor.username());
                    return receivers.useCases.registerReceiver().register(name, actor);
                },
                actor -> {
                    maybeFail();
                    return receivers.useCases.listReceivers().list(actor);
                },
                (clientId, actor) -> {
                    maybeFail();
                    calls.add("revokeReceiver " + clientId + " by " + actor.username());
                    receivers.useCases.revokeReceiver().revoke(clientId, actor);
                },
                (clientId, clientSecret, scope, client) -> {
                    maybeFail();
                    return receivers.useCases.issueReceiverToken().issue(clientId, clientSecret, scope, client);
                },
                token -> receivers.useCases.authenticateReceiver().authenticate(token),
                () -> receivers.useCases.listSigningKeys().keys(),
                // Shared Signals streams: the real services too, over the same in-memory stores.
                (caller, request) -> receivers.useCases.createStream().create(caller, request),
                (caller, streamId) -> receivers.useCases.readStream().read(caller, streamId),
                caller -> receivers.useCases.listStreams().list(caller),
                (caller, request, mode) -> receivers.useCases.updateStream().update(caller, request, mode),
                (caller, streamId) -> receivers.useCases.deleteStream().delete(caller, streamId),
                (caller, streamId) -> receivers.useCases.readStreamStatus().status(caller, streamId),
                (caller, streamId, status, reason) ->
                        receivers.useCases.updateStreamStatus().update(caller, streamId, status, reason),
                (caller, streamId, subject, issuer, add) ->
                        receivers.useCases.changeStreamSubjects().change(caller, streamId, subject, issuer, add),
                (caller, streamId, state) -> receivers.useCases.verifyStream().verify(caller, streamId, state),
                (caller, streamId, request) -> receivers.useCases.pollStream().poll(caller, streamId, request),
                actor -> receivers.useCases.listAllStreams().list(actor),
                issuer -> unused(), // the fan-out and push jobs run in bootstrap, never behind a route
                () -> unused());
    }

    private UseCaseFixture receivers() {
        UseCaseFixture fixture = new UseCaseFixture();
        // A minute after the admin's login: fresh for the step-up.
        fixture.clock.set(adminSession.createdAt().plusSeconds(60));
        fixture.sessions.insert(adminSession);
        return fixture;
    }

    /** From now on the admin's session entered its password longer ago than the re-authentication window. */
    void staleAdminSession() {
        receivers.clock.set(adminSession.createdAt().plus(receivers.policy.reauthWindow()));
    }

        /** A use case the HTTP adapter never calls. */
    private static <T> T unused() {
        throw new UnsupportedOperationException("not a use case of the HTTP adapter");
    }

    private static OperationalFiguresQuery noFigures() {
        return new OperationalFiguresQuery() {
            @Override
            public Backlog backlog() {
                return unused();
            }

            @Override
            public long activeSessions() {
                return unused();
            }
        };
    }

    /** A second session of the same account, on another device. */
    Session otherSessionOf(AccountView account) {
        return account.id().equals(admin.id()) ? adminPhone : userPhone;
    }

    private LoginUseCase.LoginResult login(String username, String password, ClientInfo client, DeviceToken device) {
        lastLoginClient = client;
        lastLoginDevice = device;
        maybeFail();
        DeviceToken keep = device != null ? device : newDevice;
        if (admin.username().equals(username) && PASSWORD.equals(password)) {
            return new LoginUseCase.LoginResult(adminToken, adminSession, admin, keep);
        }
        if (user.username().equals(username) && PASSWORD.equals(password)) {
            return new LoginUseCase.LoginResult(userToken, userSession, user, keep);
        }
        throw new InvalidCredentials();
    }

    private AuthenticatedSession validate(String presented) {
        if (adminToken.reveal().equals(presented) && !endedTokens.contains(adminSession.id().toString())) {
            return new AuthenticatedSession(adminSession, admin);
        }
        if (userToken.reveal().equals(presented) && !endedTokens.contains(userSession.id().toString())) {
            return new AuthenticatedSession(userSession, user);
        }
        throw new Unauthenticated("The session is unknown, ended or expired.");
    }

    private void maybeFail() {
        RuntimeException e = failure;
        if (e != null) {
            failure = null;
            throw e;
        }
    }

    private static Session session(AccountView account, SessionToken token) {
        return aSession().forUser(account.id(), account.username()).withTokenHash(token.hash())
                .withIp("198.51.100.7").withUserAgent("Mozilla/5.0")
                .startedAt(NOW.minus(Duration.ofHours(1))).lastActiveAt(NOW.minus(Duration.ofMinutes(5))).build();
    }

    static ActiveSessionQuery sessionQuery(Object query) {
        return (ActiveSessionQuery) query;
    }
}
