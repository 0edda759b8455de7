package dev.warden.application.fakes;

import dev.warden.application.port.out.PasswordHasher;

/** A reversible stand-in for Argon2 that counts how often a hash was computed. */
public final class FakePasswordHasher implements PasswordHasher {
    public int verifications;
    /** Runs inside every verification: lets a test look around or change things mid-hash. */
    public Runnable whileVerifying = () -> {
    };

    @Override
    public String hash(String password) {
        return "fake:" + password;
    }

    @Override
    public boolean verify(String password, String hash) {
        verifications++;
        whileVerifying.run();
        return hash.equals("fake:" + password);
    }

    @Override
    public void verifyNothing(String password) {
        verifications++;
        whileVerifying.run();
    }
}
