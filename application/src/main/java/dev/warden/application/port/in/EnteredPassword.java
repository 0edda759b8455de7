package dev.warden.application.port.in;

/** A password as someone typed it (a re-authentication, a reset): required; its rules are the use case's. */
public record EnteredPassword(String value) {
    public EnteredPassword {
        if (value == null) {
            throw new InvalidRequest("password is required.");
        }
    }

    @Override
    public String toString() {
        return "EnteredPassword[redacted]";
    }
}
