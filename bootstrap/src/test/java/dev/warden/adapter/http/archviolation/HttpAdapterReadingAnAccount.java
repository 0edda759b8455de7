package dev.warden.adapter.http.archviolation;

import dev.warden.domain.Account;

/** Fixture: breaks "the HTTP adapter never holds a password hash" (an Account carries one). */
public class HttpAdapterReadingAnAccount {
    public int hashLength(Account account) {
        return account.passwordHash().length();
    }
}
