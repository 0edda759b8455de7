/**
 * The password adapters of the outgoing ports {@code PasswordHasher} and {@code PasswordBlocklist}:
 * Argon2id through Bouncy Castle and the common-password estimate through zxcvbn, both bounded to
 * the cores on one shared pool of threads of their own ({@code BoundedPasswordWork}), never a
 * request's. The rules about passwords (length, username, how guessable is too guessable) are the
 * domain's {@code PasswordPolicy}; these classes only hash and measure.
 */
package dev.warden.adapter.password;
