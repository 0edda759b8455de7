package dev.warden.application.port.out;

/**
 * One-way password hashing (Argon2id in production). Each call costs real CPU and memory, so
 * production bounds how many run at once: any method may then throw
 * {@link PasswordHashingSaturated} instead of running.
 */
public interface PasswordHasher {
    String hash(String password);

    boolean verify(String password, String hash);

    /**
     * Spends the time a real {@link #verify} would, for a login whose user does not exist, so that
     * response timing does not reveal which usernames exist.
     */
    void verifyNothing(String password);
}
