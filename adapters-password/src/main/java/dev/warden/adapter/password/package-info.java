/**
 * The password adapters of the outgoing ports {@code PasswordHasher} and {@code PasswordBlocklist}:
 * Argon2id through Bouncy Castle, bounded to the cores, and the common-password estimate through
 * zxcvbn. The rules about passwords (length, username, how guessable is too guessable) are the
 * domain's {@code PasswordPolicy}; these classes only hash and measure.
 */
package dev.warden.adapter.password;
