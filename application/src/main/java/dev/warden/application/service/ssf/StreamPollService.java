package dev.warden.application.service.ssf;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.ssf.PollStreamUseCase;
import dev.warden.application.port.in.ssf.TooManyWaitingPolls;
import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.BoundedText;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfDelivery;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 8936 poll delivery. Acknowledged and rejected SETs leave the queue first (one transaction);
 * then the oldest waiting SETs are signed and returned. They stay queued until acknowledged, so an
 * answer lost on the way is delivered again with the same {@code jti}.
 *
 * <p>Long polling checks the queue every {@link #CHECK_EVERY} until a SET is there or
 * {@link #LONG_POLL_SECONDS} have passed, with no database connection held while it waits (each
 * check is its own short read; requests run on virtual threads, so a waiting poll costs little).
 * The waiters of one stream share their checks and are capped ({@link LongPollWaiters}), so many
 * waiting polls cost the database no more than one. The wait ends after its number of checks even
 * when the clock stands still.
 */
public record StreamPollService(TransactionBoundary transactions, SsfStreams streams, OwnedStreams owned,
        SecurityEventSigner signer, Clock clock, Pause pause, LongPollWaiters waiters) implements PollStreamUseCase {

    static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final int MAX_ACKS = 1000;

    /** With this instance's own waiters. */
    public StreamPollService(TransactionBoundary transactions, SsfStreams streams, OwnedStreams owned,
            SecurityEventSigner signer, Clock clock, Pause pause) {
        this(transactions, streams, owned, signer, clock, pause, new LongPollWaiters());
    }

    /** How the long poll waits between checks: {@link Thread#sleep(Duration)} in production. */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = Thread::sleep;

        void pause(Duration duration) throws InterruptedException;
    }

    @Override
    public PollResult poll(ReceiverClientId caller, String streamId, PollRequest request) {
        int max = maxEvents(request);
        if (request.ack().size() + request.setErrs().size() > MAX_ACKS) {
            throw new InvalidRequest("At most " + MAX_ACKS + " ack and setErrs entries per poll.");
        }
        SsfStream stream = owned.require(caller, streamId);
        if (stream.delivery().method() != SsfDelivery.Method.POLL) {
            throw new InvalidRequest("This stream delivers by push (urn:ietf:rfc:8935), not poll.");
        }
        List<SsfQueuedEvent> events;
        if (max == 0 || request.returnImmediately()) {
            settle(stream, request);
            events = max == 0 ? List.of() : deliverable(stream);
        } else {
            // The seat is taken before anything is done, so a refused poll has changed nothing.
            LongPollWaiters.Watch watch = waiters.join(caller, stream.id()).orElseThrow(() -> new TooManyWaitingPolls(
                    "At most " + LongPollWaiters.PER_STREAM + " long polls may wait on one stream, and "
                    + LongPollWaiters.PER_CLIENT + " per client; try again in " + LONG_POLL_SECONDS + " seconds.",
                    LONG_POLL_SECONDS));
            try {
                settle(stream, request);
                events = waitFor(stream, watch);
            } finally {
                waiters.leave(caller, stream.id());
            }
        }
        Map<String, String> sets = new LinkedHashMap<>();
        events.stream().limit(max).forEach(e -> sets.put(e.jti(), signer.sign(e.toSecurityEvent(caller))));
        return new PollResult(sets, events.size() > max);
    }

    /**
     * The poll's own check (after its acknowledgements), then the checks it shares with the
     * stream's other waiters, one per pause, until a SET is there or the long poll is over.
     */
    private List<SsfQueuedEvent> waitFor(SsfStream stream, LongPollWaiters.Watch watch) {
        Instant deadline = Now.of(clock).plusSeconds(LONG_POLL_SECONDS);
        long checksLeft = Duration.ofSeconds(LONG_POLL_SECONDS).dividedBy(CHECK_EVERY);
        List<SsfQueuedEvent> events = deliverable(stream);
        while (events.isEmpty() && checksLeft-- > 0 && Now.of(clock).isBefore(deadline)) {
            long seen = watch.checks();
            try {
                pause.pause(CHECK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            events = watch.checkAfter(seen, () -> deliverable(stream));
        }
        return events;
    }

    /**
     * Up to {@code MAX_EVENTS + 1} events, whatever this poll's {@code maxEvents}, so that every
     * waiter can use a shared check (the one more says moreAvailable); none unless the stream is
     * enabled now.
     */
    private List<SsfQueuedEvent> deliverable(SsfStream stream) {
        boolean enabled = streams.find(stream.id()).map(s -> s.status() == SsfStreamStatus.ENABLED).orElse(false);
        return enabled ? streams.queued(stream.id(), MAX_EVENTS + 1) : List.of();
    }

    private void settle(SsfStream stream, PollRequest request) {
        if (request.ack().isEmpty() && request.setErrs().isEmpty()) {
            return;
        }
        Set<String> done = new HashSet<>(request.ack());
        done.addAll(request.setErrs().keySet());
        Instant now = Now.of(clock);
        transactions.run(() -> {
            streams.remove(stream.id(), done);
            if (!request.ack().isEmpty()) {
                streams.recordDelivered(stream.id(), now);
            }
            request.setErrs().entrySet().stream().reduce((first, second) -> second).ifPresent(last ->
                    streams.recordError(stream.id(), BoundedText.cap(BoundedText.replaceUnsafe("receiver rejected "
                            + last.getKey() + ": " + last.getValue().err() + (last.getValue().description() == null
                            ? "" : " (" + last.getValue().description() + ")")), 256)));
        });
    }

    private static int maxEvents(PollRequest request) {
        Integer asked = request.maxEvents();
        if (asked == null) {
            return MAX_EVENTS;
        }
        if (asked < 0) {
            throw new InvalidRequest("maxEvents must not be negative.");
        }
        return Math.min(asked, MAX_EVENTS);
    }
}
