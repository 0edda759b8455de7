package dev.warden.application.port.out;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.domain.Account;
import dev.warden.domain.UserId;
import java.util.Optional;

/**
 * The accounts. Usernames are unique regardless of case. {@code lock*} reads take the account's
 * row lock: changes to one user queue behind it, which makes failure counting and the session
 * limit race-free. {@code find*} reads take no lock (a login looks its user up this way before
 * the slow password check).
 */
public interface UserAccounts {
    Optional<Account> findById(UserId id);

    /** Case-insensitive, without a lock. */
    Optional<Account> findByUsername(String username);

    Optional<Account> lockById(UserId id);

    /** @throws dev.warden.application.port.in.accounts.UsernameTaken when the name is in use */
    void insert(Account account);

    void update(Account account);

    boolean ownerExists();

    Page<UserSummary> list(UserQuery query, ActiveWindow window);
}
