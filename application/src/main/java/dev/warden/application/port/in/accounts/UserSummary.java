package dev.warden.application.port.in.accounts;

import dev.warden.domain.AccountStatus;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import java.time.Instant;

/**
 * A row of the Users page: the account with its current active sessions and the distinct IPs
 * among them.
 *
 * @param lockedUntil set only while the account is locked
 */
public record UserSummary(
        UserId id,
        String username,
        Role role,
        AccountStatus status,
        Instant createdAt,
        int activeSessions,
        int distinctIps,
        Instant lockedUntil) {
}
