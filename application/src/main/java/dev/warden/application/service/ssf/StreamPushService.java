package dev.warden.application.service.ssf;

import dev.warden.application.port.in.ssf.PushStreamsUseCase;
import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.application.port.out.SetPushTransport;
import dev.warden.application.port.out.SetPushTransport.Delivered;
import dev.warden.application.port.out.SetPushTransport.Failed;
import dev.warden.application.port.out.SetPushTransport.Outcome;
import dev.warden.application.port.out.SetPushTransport.Rejected;
import dev.warden.application.port.out.SsfPushSchedule;
import dev.warden.application.port.out.SsfPushSchedule.Claim;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.port.out.WardenMetrics.SsfDeliveryOutcome;
import dev.warden.application.service.Now;
import dev.warden.domain.BoundedText;
import dev.warden.domain.PausedStreamLimits;
import dev.warden.domain.SsfDelivery;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.SsfStreamStatus;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * RFC 8935 push delivery. A pass claims the due push streams (a lease in the database, so one
 * instance delivers a stream at a time) and, on a virtual thread per stream, pushes its queued SETs
 * one at a time, oldest first, signed at delivery (a batch ahead of the pushes, on a thread per core)
 * with their stored {@code jti}, {@code txn} and {@code iat} (the signing path poll delivery uses).
 * No transaction is open during a push.
 *
 * <ul>
 *   <li>202: the SET leaves the queue, the stream's {@code lastDeliveredAt} is now; the next one goes.</li>
 *   <li>400 with an error code: the SET is dropped (the receiver will never take it), counted
 *       {@code rejected}, logged once and kept as {@code lastError}; the next one goes.</li>
 *   <li>Anything else: the SET stays first in the queue, the stream waits {@link PushBackoff} before
 *       the next attempt (stored, so it survives restarts), {@code lastError} says why.</li>
 * </ul>
 *
 * A stream's lease lasts {@link #LEASE}; the holder takes no new SET once less than
 * {@link #LONGEST_PUSH} of it is left, so a push ends before the lease does. An instance that dies
 * mid-push loses its lease when it ends; the SET it was pushing is pushed again (at least once).
 */
public final class StreamPushService implements PushStreamsUseCase {
    private static final Logger LOG = System.getLogger(StreamPushService.class.getName());
    static final Duration LEASE = Duration.ofSeconds(60);
    /** The transport's connect plus read timeouts, with a margin. */
    static final Duration LONGEST_PUSH = Duration.ofSeconds(20);
    static final int MAX_STREAMS_PER_PASS = 32;
    /** SETs read from a stream's queue at once (and signed ahead), and pushed ones removed at once. */
    static final int READ_AHEAD = 100;
    /**
     * How old the stream's status may be when a push starts: a pause, disable or delete stops the
     * delivery within this (docs/ssf.md, "Push delivery"), for one indexed read per this per stream.
     */
    static final Duration READ_STREAM_AGAIN = Duration.ofMillis(100);
    static final Duration COUNT_PENDING_EVERY = Duration.ofSeconds(10);
    static final Duration TRIM_PAUSED_EVERY = Duration.ofMinutes(1);

    private final TransactionBoundary transactions;
    private final SsfStreams streams;
    private final SsfPushSchedule schedule;
    private final SetPushTransport transport;
    private final WardenMetrics metrics;
    private final Clock clock;
    private final PushBackoff backoff;
    private final boolean allowHttp;
    private final PausedStreamLimits pausedLimits;
    private final SigningAhead signing;
    /** This instance, as the leases name it. */
    private final String holder = UUID.randomUUID().toString();
    private volatile Instant pendingCountedAt = Instant.MIN;
    private volatile Instant pausedTrimmedAt = Instant.MIN;

    public StreamPushService(TransactionBoundary transactions, SsfStreams streams, SsfPushSchedule schedule,
            SetPushTransport transport, SecurityEventSigner signer, WardenMetrics metrics, Clock clock,
            RandomGenerator random, boolean allowHttp, PausedStreamLimits pausedLimits) {
        this.transactions = transactions;
        this.streams = streams;
        this.schedule = schedule;
        this.transport = transport;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = new PushBackoff(random);
        this.allowHttp = allowHttp;
        this.pausedLimits = pausedLimits;
        this.signing = new SigningAhead(signer, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public int pushDue() {
        trimPausedQueues();
        List<Claim> claims = new ArrayList<>();
        Instant leaseUntil = Now.of(clock).plus(LEASE);
        Optional<Claim> claim;
        while (claims.size() < MAX_STREAMS_PER_PASS
                && (claim = schedule.claimDue(holder, Now.of(clock), leaseUntil)).isPresent()) {
            claims.add(claim.get());
        }
        AtomicInteger delivered = new AtomicInteger();
        if (claims.size() == 1) {
            delivered.addAndGet(deliver(claims.getFirst(), leaseUntil));
        } else if (!claims.isEmpty()) {
            // One slow receiver must not hold up the others: each stream on a virtual thread of its own.
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = claims.stream()
                        .<Future<?>>map(c -> threads.submit(() -> delivered.addAndGet(deliver(c, leaseUntil))))
                        .toList();
                running.forEach(StreamPushService::rethrow);
            }
        }
        countPending();
        return delivered.get();
    }

    /**
     * Pushes the stream's SETs until the queue is empty, a push fails, or the lease runs short. SETs
     * are read {@link #READ_AHEAD} at a time and signed ahead on {@link SigningAhead}'s threads while
     * they are pushed one at a time, in order. The ones pushed (delivered or rejected) leave the queue
     * in one transaction per {@link #READ_AHEAD} and when the pass ends: a transaction per SET held
     * one stream to about 90 SETs/s (docs/benchmarks.md, section 11). A crash in between pushes those
     * again, with the same {@code jti}: at least once, as before.
     *
     * <p>The stream is read again before each batch and before any push that starts
     * {@link #READ_STREAM_AGAIN} or more after the last read, not before every SET. So once pausing,
     * disabling or deleting the stream (or changing its endpoint) has committed, at most the SETs of
     * the batch in hand whose push starts less than {@link #READ_STREAM_AGAIN} later still go out
     * the old way; the SETs signed ahead but not pushed stay queued.
     */
    private int deliver(Claim claim, Instant leaseUntil) {
        int failures = claim.failures();
        int delivered = 0;
        Instant nextAttempt = null;
        SigningAhead.Batch ahead = SigningAhead.Batch.empty();
        Pushed pushed = new Pushed(claim.stream());
        SsfStream stream = null;
        Instant streamReadAt = null;
        try {
            while (true) {
                Instant now = Now.of(clock);
                if (now.plus(LONGEST_PUSH).isAfter(leaseUntil)) {
                    break; // out of lease: the next pass goes on
                }
                if (ahead.isEmpty() || readAgain(streamReadAt, now)) {
                    Optional<SsfStream> found = streams.find(claim.stream());
                    if (found.isEmpty() || !pushable(found.get())) {
                        break; // deleted, paused, disabled or no longer push: the next pass looks again
                    }
                    stream = found.get();
                    streamReadAt = now;
                    Optional<String> refused = refusedEndpoint(stream.delivery().endpointUrl());
                    if (refused.isPresent()) {
                        streams.recordError(stream.id(), refused.get());
                        failures++;
                        nextAttempt = now.plus(backoff.after(failures, Optional.empty()));
                        break;
                    }
                }
                if (ahead.isEmpty()) {
                    settle(pushed); // what was pushed leaves the queue before it is read again
                    List<SsfQueuedEvent> batch = streams.queued(stream.id(), READ_AHEAD);
                    if (batch.isEmpty()) {
                        break;
                    }
                    ahead = signing.sign(batch, stream.clientId());
                }
                SsfQueuedEvent event = ahead.head();
                Optional<String> set = ahead.signedHead();
                if (set.isEmpty()) {
                    break; // interrupted: closing
                }
                Outcome outcome = transport.push(stream.delivery().endpointUrl(),
                        stream.delivery().authorizationHeader(), set.get());
                Instant answered = Now.of(clock);
                switch (outcome) {
                    case Delivered d -> {
                        ahead.dropHead();
                        pushed.delivered(event.jti(), answered);
                        metrics.ssfDelivery(SsfDeliveryOutcome.DELIVERED);
                        if (failures > 0) {
                            LOG.log(Level.INFO, "Push delivery to stream {0} works again after {1} failed attempts",
                                    stream.id(), failures);
                        }
                        failures = 0;
                        delivered++;
                    }
                    case Rejected r -> {
                        ahead.dropHead();
                        pushed.rejected(event.jti());
                        String error = BoundedText.cap(BoundedText.replaceUnsafe("receiver rejected " + event.jti()
                                + ": " + r.err() + (r.description() == null ? "" : " (" + r.description() + ")")), 256);
                        streams.recordError(stream.id(), error);
                        metrics.ssfDelivery(SsfDeliveryOutcome.REJECTED);
                        LOG.log(Level.WARNING, "Stream {0}: the receiver rejected SET {1} ({2}); it was dropped",
                                stream.id(), event.jti(), BoundedText.cap(BoundedText.replaceUnsafe(r.err()), 64));
                        failures = 0;
                    }
                    case Failed f -> {
                        streams.recordError(stream.id(), BoundedText.cap(BoundedText.replaceUnsafe(
                                "push failed: " + f.reason()), 256));
                        metrics.ssfDelivery(SsfDeliveryOutcome.FAILED);
                        failures++;
                        if (failures == 1) {
                            LOG.log(Level.WARNING, "Push delivery to stream {0} failed ({1}); retrying with growing"
                                    + " pauses", stream.id(),
                                    BoundedText.cap(BoundedText.replaceUnsafe(f.reason()), 200));
                        }
                        nextAttempt = answered.plus(backoff.after(failures, f.retryAfter()));
                    }
                }
                if (nextAttempt != null) {
                    break;
                }
            }
        } finally {
            ahead.discard();
            try {
                settle(pushed);
            } finally {
                schedule.release(claim.stream(), holder, nextAttempt, failures);
            }
        }
        return delivered;
    }

    /** Whether the stream read at {@code readAt} is too old to push by (a clock set back reads it again too). */
    private static boolean readAgain(Instant readAt, Instant now) {
        return readAt == null || now.isBefore(readAt) || !now.isBefore(readAt.plus(READ_STREAM_AGAIN));
    }

    /** The SETs of one stream pushed but still in its queue, and when the last was delivered. */
    private static final class Pushed {
        private final SsfStreamId stream;
        private final List<String> jtis = new ArrayList<>();
        private Instant lastDelivered;

        Pushed(SsfStreamId stream) {
            this.stream = stream;
        }

        void delivered(String jti, Instant at) {
            jtis.add(jti);
            lastDelivered = at;
        }

        void rejected(String jti) {
            jtis.add(jti);
        }
    }

    /** Takes the pushed SETs out of the queue (and records the last delivery) in one transaction. */
    private void settle(Pushed pushed) {
        if (pushed.jtis.isEmpty()) {
            return;
        }
        List<String> jtis = List.copyOf(pushed.jtis);
        Instant lastDelivered = pushed.lastDelivered;
        transactions.run(() -> {
            streams.remove(pushed.stream, jtis);
            if (lastDelivered != null) {
                streams.recordDelivered(pushed.stream, lastDelivered);
            }
        });
        pushed.jtis.clear();
        pushed.lastDelivered = null;
    }

    private static boolean pushable(SsfStream stream) {
        return stream.status() == SsfStreamStatus.ENABLED && stream.delivery().method() == SsfDelivery.Method.PUSH;
    }

    /** Checked again at delivery: WARDEN_SSF_ALLOW_HTTP may have been turned off since the stream was made. */
    private Optional<String> refusedEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (allowHttp && scheme.equals("http"))) {
            return Optional.empty();
        }
        return Optional.of("push endpoint refused: only https:// endpoints are pushed to"
                + " (WARDEN_SSF_ALLOW_HTTP is off)");
    }

    /**
     * Holds paused streams to WARDEN_SSF_PAUSED_RETENTION and WARDEN_SSF_PAUSED_MAX_EVENTS, at most every
     * {@link #TRIM_PAUSED_EVERY} (every instance does it; the deletes are idempotent).
     */
    private void trimPausedQueues() {
        Instant now = Now.of(clock);
        if (now.isBefore(pausedTrimmedAt.plus(TRIM_PAUSED_EVERY)) && now.isAfter(pausedTrimmedAt)) {
            return;
        }
        pausedTrimmedAt = now;
        long dropped = schedule.trimPausedQueues(now.minus(pausedLimits.retention()), pausedLimits.maxEvents());
        if (dropped > 0) {
            LOG.log(Level.INFO, "Dropped {0} SETs of paused streams, beyond what a paused stream keeps ({1}, at most"
                    + " {2} SETs)", dropped, pausedLimits.retention(), pausedLimits.maxEvents());
        }
    }

    /** The pending gauge, counted at most every {@link #COUNT_PENDING_EVERY} (a count walks the queue's index). */
    private void countPending() {
        Instant now = Now.of(clock);
        if (now.isBefore(pendingCountedAt.plus(COUNT_PENDING_EVERY)) && now.isAfter(pendingCountedAt)) {
            return;
        }
        pendingCountedAt = now;
        metrics.ssfEventsPending(schedule.pendingTotal());
    }

    private static void rethrow(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
