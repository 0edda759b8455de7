package dev.warden.domain.testdata;

import dev.warden.domain.Account;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Builds an {@link AlarmEvent}; each build has a new event id. See {@link TestData#anAlarmEvent()}. */
public final class AlarmEventBuilder {
    private AlarmEvent.Kind kind = AlarmEvent.Kind.RAISED;
    private UUID alarmId = UUID.randomUUID();
    private UserId userId = TestData.ALICE;
    private String username = "alice";
    private List<String> ipAddresses = ips(4);
    private int distinctIps = 4;
    private int threshold = 4;
    private Instant at = TestData.NOW;

    AlarmEventBuilder() {
    }

    /** {@code count} addresses, 10.0.0.1 upwards: what {@link #withIpCount} names. */
    public static List<String> ips(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "10.0.0." + i).toList();
    }

    public AlarmEventBuilder ofKind(AlarmEvent.Kind value) {
        kind = value;
        return this;
    }

    public AlarmEventBuilder raised() {
        kind = AlarmEvent.Kind.RAISED;
        return this;
    }

    public AlarmEventBuilder resolved() {
        kind = AlarmEvent.Kind.RESOLVED;
        return this;
    }

    public AlarmEventBuilder forAlarm(UUID value) {
        alarmId = value;
        return this;
    }

    public AlarmEventBuilder of(Account account) {
        return forUser(account.id(), account.username());
    }

    public AlarmEventBuilder forUser(UserId value, String name) {
        userId = value;
        username = name;
        return this;
    }

    /** {@code count} distinct addresses, named 10.0.0.1 upwards. */
    public AlarmEventBuilder withIpCount(int count) {
        return withIps(ips(count));
    }

    /** These addresses, and as many distinct IPs as they are. */
    public AlarmEventBuilder withIps(List<String> value) {
        ipAddresses = value;
        distinctIps = value.size();
        return this;
    }

    /** The count the event reports, whatever addresses it names (older events named none). */
    public AlarmEventBuilder withDistinctIps(int value) {
        distinctIps = value;
        return this;
    }

    public AlarmEventBuilder withThreshold(int value) {
        threshold = value;
        return this;
    }

    public AlarmEventBuilder at(Instant value) {
        at = value;
        return this;
    }

    public AlarmEvent build() {
        return new AlarmEvent(UUID.randomUUID(), kind, alarmId, userId, username, distinctIps, ipAddresses, threshold,
                at);
    }
}
