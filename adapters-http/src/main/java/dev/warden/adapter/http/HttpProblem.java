package dev.warden.adapter.http;

import java.util.Objects;

/** A problem only the HTTP layer knows about (CSRF, unknown route); the message is safe to show. */
final class HttpProblem extends RuntimeException {
    private final ProblemType type;
    private final boolean closeConnection;

    HttpProblem(ProblemType type, String detail) {
        this(type, detail, false);
    }

    private HttpProblem(ProblemType type, String detail, boolean closeConnection) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.closeConnection = closeConnection;
    }

    /** A problem after which the connection cannot be trusted (broken request framing): answer, then close it. */
    static HttpProblem closingConnection(ProblemType type, String detail) {
        return new HttpProblem(type, detail, true);
    }

    ProblemType type() {
        return type;
    }

    boolean closesConnection() {
        return closeConnection;
    }
}
