package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.InvalidRequest;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the Sessions page is ordered by. Every sort breaks ties by the session id in the same
 * direction, so a (key, id) pair names one position and keyset cursors work for each of them.
 * Usernames compare case-insensitively (as they are unique: the login's rule); addresses as
 * addresses (10.0.0.9 before 10.0.0.10, IPv4 before IPv6), not as text.
 */
public enum SessionSort {
    LAST_ACTIVE_AT("lastActiveAt", KeyType.INSTANT),
    CREATED_AT("createdAt", KeyType.INSTANT),
    EXPIRES_AT("expiresAt", KeyType.INSTANT),
    USERNAME("username", KeyType.TEXT),
    IP_ADDRESS("ipAddress", KeyType.TEXT);

    /** The type of a sort's key, which decides how a cursor writes it. */
    public enum KeyType { INSTANT, TEXT }

    public static final SessionSort DEFAULT = LAST_ACTIVE_AT;

    private final String apiName;
    private final KeyType keyType;

    SessionSort(String apiName, KeyType keyType) {
        this.apiName = apiName;
        this.keyType = keyType;
    }

    /** The name clients send as {@code sort=}. */
    public String apiName() {
        return apiName;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** @throws InvalidRequest when the name is not one of the sorts */
    public static SessionSort fromApiName(String name) {
        return Arrays.stream(values()).filter(sort -> sort.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidRequest("sort must be one of " + Arrays.stream(values())
                        .map(SessionSort::apiName).collect(Collectors.joining(", ")) + "."));
    }
}
