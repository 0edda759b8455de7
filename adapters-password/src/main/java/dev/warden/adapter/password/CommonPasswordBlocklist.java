package dev.warden.adapter.password;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.domain.PasswordPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Common and compromised passwords. Two sources: a shipped list of well-known long passwords
 * ({@code common-passwords.txt}), and zxcvbn's estimate of the guesses a password takes, which
 * recognises dictionary words, keyboard walks, repeats and dates with their usual substitutions.
 * How few guesses make a password common is {@link PasswordPolicy#isTooGuessable}'s call.
 */
public final class CommonPasswordBlocklist implements PasswordBlocklist {
    private final Set<String> shipped;
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public CommonPasswordBlocklist() {
        this.shipped = load("common-passwords.txt");
    }

    @Override
    public boolean contains(String normalizedPassword) {
        return shipped.contains(normalizedPassword.toLowerCase(Locale.ROOT))
                || PasswordPolicy.isTooGuessable(zxcvbn.measure(normalizedPassword).getGuesses());
    }

    private static Set<String> load(String resource) {
        try (InputStream in = CommonPasswordBlocklist.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
