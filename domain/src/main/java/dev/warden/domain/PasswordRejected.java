package dev.warden.domain;

import java.util.Objects;

/** A new password breaks one of the {@link PasswordPolicy} rules; the message says which. */
public final class PasswordRejected extends RuntimeException {
    /** The rule that failed. */
    public enum Rule { TOO_SHORT, TOO_LONG, UNPRINTABLE, CONTAINS_USERNAME, BLOCKLISTED }

    private final Rule rule;

    public PasswordRejected(Rule rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public Rule rule() {
        return rule;
    }
}
