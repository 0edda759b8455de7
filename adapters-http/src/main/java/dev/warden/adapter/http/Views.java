package dev.warden.adapter.http;

import dev.warden.application.port.in.ssf.ListReceiversUseCase;
import dev.warden.application.port.in.ssf.RegisterReceiverUseCase;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.accounts.AccountView;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.sessions.DescribeClientUseCase;
import dev.warden.domain.AccountRights;
import dev.warden.domain.Alarm;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.IpSpreadRule;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.WardenPolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JSON shapes of docs/api.md, built field by field so that nothing secret (a token hash, a
 * password hash) can ride along when a domain record grows. Every judgement a shape carries (an
 * expiry, a spread, what the caller may do) is the domain's answer, so that the console only shows it.
 */
final class Views {
    private final WardenPolicy policy;
    private final IpSpreadRule ipSpread;
    private final DescribeClientUseCase clients;

    /** @param clients reads each session's user agent as it is shown (cached: one parse per distinct header) */
    Views(WardenPolicy policy, DescribeClientUseCase clients) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ipSpread = IpSpreadRule.of(policy);
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    Map<String, Object> session(Session s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id().toString());
        json.put("userId", s.userId().toString());
        json.put("username", s.username());
        json.put("ipAddress", s.ipAddress());
        json.put("userAgent", s.userAgent());
        json.put("client", client(clients.describe(s.userAgent())));
        json.put("createdAt", time(s.createdAt()));
        json.put("lastActiveAt", time(s.lastActiveAt()));
        json.put("expiresAt", time(s.expiresAt()));
        // When the session ends unless used again: never later than the absolute expiry.
        json.put("idleExpiresAt", time(s.effectiveExpiry(policy)));
        return json;
    }

    /** The user agent as parsed: every field always present (docs/api.md, "The client of a session"). */
    private static Map<String, Object> client(ClientDescription c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("browser", c.browser());
        json.put("browserVersion", c.browserVersion());
        json.put("os", c.os());
        json.put("osVersion", c.osVersion());
        json.put("deviceType", c.deviceType().wireName());
        return json;
    }

    /** One of the caller's own sessions, marked when it is the one the request came with. */
    Map<String, Object> ownSession(Session s, SessionId current) {
        Map<String, Object> json = session(s);
        json.put("current", s.id().equals(current));
        return json;
    }

    Map<String, Object> account(AccountView a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id().toString());
        json.put("username", a.username());
        json.put("role", a.role().name());
        json.put("status", a.status().name());
        json.put("createdAt", time(a.createdAt()));
        // What the console may show this account: the admin pages, and which roles it can create.
        json.put("administrator", a.role().canAdminister());
        json.put("creatableRoles", names(new AccountRights(a.id(), a.role()).creatableRoles()));
        return json;
    }

    /** A Users page row as {@code actor} sees it: with what they may do to the account. */
    Map<String, Object> user(UserSummary u, Actor actor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", u.id().toString());
        json.put("username", u.username());
        json.put("role", u.role().name());
        json.put("status", u.status().name());
        json.put("createdAt", time(u.createdAt()));
        json.put("activeSessions", u.activeSessions());
        json.put("distinctIps", u.distinctIps());
        json.put("lockedUntil", time(u.lockedUntil()));
        json.put("ipSpread", ipSpread.isSpread(u.distinctIps()));
        AccountRights rights = new AccountRights(actor.id(), actor.role());
        json.put("actions", names(rights.actionsOn(u.id(), u.role(), u.status(), u.lockedUntil() != null)));
        json.put("assignableRoles", names(rights.assignableRoles(u.role())));
        return json;
    }

    /** The length rules of {@link PasswordPolicy}, which the console shows beside every new-password field. */
    Map<String, Object> passwordPolicy() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("minLength", PasswordPolicy.MIN_CODE_POINTS);
        json.put("maxLength", PasswordPolicy.MAX_CODE_POINTS);
        return json;
    }

    Map<String, Object> auditEntry(AuditEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id().toString());
        json.put("type", e.type().name());
        json.put("occurredAt", time(e.occurredAt()));
        json.put("userId", text(e.userId()));
        json.put("username", e.username());
        json.put("actorId", text(e.actorId()));
        json.put("actorUsername", e.actorUsername());
        json.put("sessionId", text(e.sessionId()));
        json.put("ipAddress", e.ipAddress());
        json.put("userAgent", e.userAgent());
        json.put("reason", e.reason());
        return json;
    }

    /** Every audit type, in the domain's order: what the Auth Audit page filters by. */
    Map<String, Object> auditTypes() {
        return Map.of("items", names(List.of(AuditType.values())));
    }

    Map<String, Object> alarm(Alarm a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id().toString());
        json.put("type", a.type());
        json.put("userId", a.userId().toString());
        json.put("username", a.username());
        json.put("distinctIps", a.distinctIps());
        json.put("ipAddresses", a.ipAddresses());
        json.put("status", a.status().name());
        json.put("raisedAt", time(a.raisedAt()));
        json.put("resolvedAt", time(a.resolvedAt()));
        json.put("acknowledgedAt", time(a.acknowledgedAt()));
        json.put("acknowledgedBy", a.acknowledgedBy());
        return json;
    }

    /** A Shared Signals receiver in the admin list: never its secret. */
    Map<String, Object> receiver(ListReceiversUseCase.ReceiverSummary r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clientId", r.clientId());
        json.put("name", r.name());
        json.put("createdAt", time(r.createdAt()));
        json.put("revokedAt", time(r.revokedAt()));
        return json;
    }

    /** A receiver just registered: the one answer that carries its secret. */
    Map<String, Object> registeredReceiver(RegisterReceiverUseCase.RegisteredReceiver r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clientId", r.clientId());
        json.put("clientSecret", r.clientSecret());
        json.put("name", r.name());
        json.put("createdAt", time(r.createdAt()));
        return json;
    }

    /**
     * {@code {items, total, limit, offset}}, plus {@code nextCursor} and {@code totalIsLowerBound}
     * where the list has keyset paging (the Sessions and Auth Audit pages, whose totals stop counting
     * at 10,000).
     */
    <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> item, boolean withCursor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(item).toList());
        json.put("total", page.total());
        json.put("limit", page.limit());
        json.put("offset", page.offset());
        if (withCursor) {
            json.put("nextCursor", page.nextCursor());
            json.put("totalIsLowerBound", page.totalIsLowerBound());
        }
        return json;
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }
}
