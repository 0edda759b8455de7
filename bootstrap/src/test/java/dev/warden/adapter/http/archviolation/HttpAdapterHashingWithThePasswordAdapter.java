package dev.warden.adapter.http.archviolation;

import dev.warden.adapter.password.Argon2PasswordHasher;

/** Fixture: breaks "no adapter depends on another" towards the password adapter. */
public class HttpAdapterHashingWithThePasswordAdapter {
    public String hash(Argon2PasswordHasher hasher, String password) {
        return hasher.hash(password);
    }
}
