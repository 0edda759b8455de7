package dev.warden.adapter.http;

import java.util.Objects;

/** A problem only the HTTP layer knows about (CSRF, unknown route); the message is safe to show. */
final class HttpProblem extends RuntimeException {
    private final ProblemType type;

    HttpProblem(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    ProblemType type() {
        return type;
    }
}
