package dev.warden.application.port.out;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.UserQuery;
import dev.warden.application.port.in.UserSummary;
import dev.warden.domain.Account;
import dev.warden.domain.UserId;
import java.util.Optional;

/**
 * The accounts. Usernames are unique regardless of case. {@code lock*} reads take the account's
 * row lock: logins of one user queue behind it, which makes failure counting and the session
 * limit race-free.
 */
public interface UserAccounts {
    Optional<Account> findById(UserId id);

    Optional<Account> lockByUsername(String username);

    Optional<Account> lockById(UserId id);

    /** @throws dev.warden.application.port.in.UsernameTaken when the name is in use */
    void insert(Account account);

    void update(Account account);

    boolean ownerExists();

    Page<UserSummary> list(UserQuery query, ActiveWindow window);
}
