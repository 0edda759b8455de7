package dev.warden.domain.testdata;

import dev.warden.domain.Account;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.DeviceType;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The one place tests of every module build domain objects: fluent builders with defaults that make
 * a valid, unremarkable object, so a test states only what matters to it. Times are whole
 * microseconds, as PostgreSQL stores them, so what a store returns equals what was built.
 */
public final class TestData {
    /** The tests' "now"; the default session is active at this moment. */
    public static final Instant NOW = Instant.parse("2030-03-04T12:00:00.123456Z");
    /** The default policy's idle timeout. */
    public static final Duration IDLE = WardenPolicy.DEFAULTS.idleTimeout();
    /** A well-formed Argon2id hash (of nothing in particular). */
    public static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    /** The default user: the owner of {@link #aSession()} and of {@link #anAlarmEvent()}. */
    public static final UserId ALICE = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000a11c"));

    /** How a parser reads a desktop Firefox: the client of a created event in tests that do not parse. */
    public static final ClientDescription FIREFOX_ON_LINUX =
            new ClientDescription("Firefox", "140.0", "Linux", "", DeviceType.DESKTOP);

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestData() {
    }

    /** An active USER named alice, with a fresh id, created 30 days before {@link #NOW}. */
    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    public static AccountBuilder anAccount(String username) {
        return new AccountBuilder().named(username);
    }

    /** A session of {@link #ALICE} that is active at {@link #NOW}. */
    public static SessionBuilder aSession() {
        return new SessionBuilder();
    }

    public static SessionBuilder aSession(Account owner) {
        return new SessionBuilder().of(owner);
    }

    /** An IP-spread alarm raised for {@link #ALICE} at {@link #NOW}, over four addresses. */
    public static AlarmEventBuilder anAlarmEvent() {
        return new AlarmEventBuilder();
    }

    /** A random token hash, as a session or device token's would be. */
    public static TokenHash aTokenHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenHash(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
