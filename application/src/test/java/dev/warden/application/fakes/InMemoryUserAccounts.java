package dev.warden.application.fakes;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.accounts.UsernameTaken;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.UserId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Accounts in a map, for use-case tests; keeps the {@link UserAccounts} contract. */
public final class InMemoryUserAccounts implements UserAccounts {
    /** As the user list is ordered: by name regardless of case, then by id. */
    private static final Comparator<Account> BY_NAME = Comparator
            .comparing((Account a) -> a.username().toLowerCase(Locale.ROOT))
            .thenComparing(a -> a.id().value().toString());

    private final Map<UserId, Account> accounts = new LinkedHashMap<>();
    private final InMemoryTransactions transactions;
    private Function<ActiveWindow, List<Session>> activeSessions = w -> List.of();

    public InMemoryUserAccounts(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enlist(this, accounts);
    }

    /** Lets the user list count sessions without a dependency cycle between the fakes. */
    public void countSessionsWith(Function<ActiveWindow, List<Session>> source) {
        this.activeSessions = source;
    }

    @Override
    public synchronized Optional<Account> findById(UserId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized Optional<Account> findByUsername(String username) {
        return accounts.values().stream().filter(a -> a.username().equalsIgnoreCase(username)).findFirst();
    }

    @Override
    public synchronized Optional<Account> lockById(UserId id) {
        transactions.requireTransaction();
        return findById(id);
    }

    @Override
    public synchronized void insert(Account account) {
        if (findByUsername(account.username()).isPresent()) {
            throw new UsernameTaken("The username " + account.username() + " is taken.");
        }
        if (account.role() == Role.OWNER && ownerExists()) {
            // The real store's unique index refuses it too.
            throw new IllegalStateException("There is exactly one owner account.");
        }
        accounts.put(account.id(), account);
    }

    @Override
    public synchronized void update(Account account) {
        accounts.put(account.id(), account);
    }

    @Override
    public synchronized boolean ownerExists() {
        return accounts.values().stream().anyMatch(a -> a.role() == Role.OWNER);
    }

    @Override
    public Page<UserSummary> list(UserQuery query, ActiveWindow window) {
        List<Session> active = activeSessions.apply(window); // before taking this store's monitor
        List<UserSummary> matches;
        synchronized (this) {
            matches = accounts.values().stream()
                    .filter(a -> query.q() == null
                            || a.username().toLowerCase(Locale.ROOT).contains(query.q().toLowerCase(Locale.ROOT)))
                    .sorted(BY_NAME)
                    .map(a -> summary(a, active, window))
                    .toList();
        }
        return new Page<>(matches.stream().skip(query.page().offset()).limit(query.page().limit()).toList(),
                matches.size(), query.page().limit(), query.page().offset(), null);
    }

    private static UserSummary summary(Account a, List<Session> active, ActiveWindow window) {
        List<Session> mine = active.stream().filter(s -> s.userId().equals(a.id())).toList();
        return new UserSummary(a.id(), a.username(), a.role(), a.status(), a.createdAt(), mine.size(),
                new HashSet<>(mine.stream().map(Session::ipAddress).toList()).size(),
                a.activeLockAt(window.now()).orElse(null));
    }
}
