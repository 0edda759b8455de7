package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 8936 poll delivery: the receiver acknowledges what it processed ({@code ack}), reports what
 * it could not ({@code setErrs}: recorded, and the event removed), and gets the next signed SETs
 * of its poll stream, oldest first. Unacknowledged SETs come again, with the same {@code jti}.
 * Without {@code returnImmediately} an empty queue is waited on for up to
 * {@link #LONG_POLL_SECONDS} seconds. A paused or disabled stream returns none.
 */
public interface PollStreamUseCase {
    int LONG_POLL_SECONDS = 30;
    /** The most SETs one answer carries, whatever {@code maxEvents} asks. */
    int MAX_EVENTS = 100;

    /**
     * @throws dev.warden.application.port.in.InvalidRequest when the stream delivers by push, or a value is bad
     * @throws StreamNotFound when the caller has no stream with this id
     * @throws TooManyWaitingPolls when a long poll would exceed the waiters allowed on the stream or client
     */
    PollResult poll(ReceiverClientId caller, String streamId, PollRequest request);

    /**
     * @param maxEvents null when absent ({@link #MAX_EVENTS}); 0 only acknowledges
     * @param setErrs   jti to its {@code err} and {@code description}
     */
    record PollRequest(Integer maxEvents, boolean returnImmediately, List<String> ack,
                       Map<String, SetError> setErrs) {
        public PollRequest {
            ack = List.copyOf(ack);
            setErrs = Map.copyOf(setErrs);
        }
    }

    /** An RFC 8936 section 2.4 error report; description null when absent. */
    record SetError(String err, String description) {
        public SetError {
            Objects.requireNonNull(err, "err");
        }
    }

    /** @param sets jti to the signed SET, oldest first */
    record PollResult(Map<String, String> sets, boolean moreAvailable) {
    }
}
