package dev.warden.application.archviolation;

import dev.warden.adapter.password.Argon2PasswordHasher;

/** Fixture: breaks "application depends only on domain and java.*" by naming the Argon2 adapter instead of its port. */
public class UseCaseHashingWithThePasswordAdapter {
    public String hash(Argon2PasswordHasher hasher, String password) {
        return hasher.hash(password);
    }
}
