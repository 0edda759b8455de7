package dev.warden.application.port.out;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushes one signed SET to a receiver's endpoint (RFC 8935): a POST of {@code application/secevent+jwt}
 * with the stream's Authorization header. Never throws for what the receiver or the network did: every
 * answer, or the lack of one, is an {@link Outcome}.
 */
public interface SetPushTransport {

    /** What became of one push. */
    sealed interface Outcome {
    }

    /** {@code 202 Accepted}: the receiver has the SET. */
    record Delivered() implements Outcome {
    }

    /**
     * {@code 400} with an RFC 8935 error body: the receiver will never take this SET.
     *
     * @param err         the RFC 8935 error code ({@code invalid_request}, {@code invalid_key} ...)
     * @param description its description; null when the receiver gave none
     */
    record Rejected(String err, String description) implements Outcome {
        public Rejected {
            Objects.requireNonNull(err, "err");
        }
    }

    /**
     * Anything else (another status, a timeout, a refused connection, a redirect): try again later.
     *
     * @param reason     what happened, in Warden's words, for the stream's {@code lastError}; never the
     *                   SET or the Authorization header
     * @param retryAfter the receiver's Retry-After, when it sent one
     */
    record Failed(String reason, Optional<Duration> retryAfter) implements Outcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * @param authorization the Authorization header's value; null to send none
     * @param set           the SET in JWS compact serialisation
     */
    Outcome push(URI endpoint, String authorization, String set);

    /** For a Warden without Shared Signals: every push fails. */
    SetPushTransport NONE = (endpoint, authorization, set) ->
            new Failed("push delivery is off", Optional.empty());
}
