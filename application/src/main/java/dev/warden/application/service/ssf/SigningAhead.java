package dev.warden.application.service.ssf;

import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfQueuedEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Signs a stream's read-ahead batch on a few threads while its SETs are pushed one at a time. An
 * RS256 signature with a 2,048-bit key costs about a millisecond of CPU, so signing on the pushing
 * thread alone held a stream to what one core signs (docs/benchmarks.md, section 11). The signer
 * must be thread-safe.
 *
 * <p>The pool has a thread per core, started when needed and ended after {@link #IDLE_SECONDS} s
 * unused, so it needs no closing. The pushing thread signs the head of its batch itself when no
 * pool thread has started on it yet: one stream's batch never waits behind another's in the pool's
 * queue.
 */
final class SigningAhead {
    static final long IDLE_SECONDS = 30;

    private final SecurityEventSigner signer;
    private final ThreadPoolExecutor threads;

    SigningAhead(SecurityEventSigner signer, int threadCount) {
        this.signer = signer;
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("warden-ssf-sign-", 0).factory());
        this.threads.allowCoreThreadTimeOut(true);
    }

    /** Starts signing these SETs (one stream's, oldest first) for that receiver. */
    Batch sign(List<SsfQueuedEvent> events, ReceiverClientId audience) {
        Deque<Signing> signing = new ArrayDeque<>(events.size());
        for (SsfQueuedEvent event : events) {
            FutureTask<String> set = new FutureTask<>(() -> signer.sign(event.toSecurityEvent(audience)));
            signing.add(new Signing(event, set));
            threads.execute(set);
        }
        return new Batch(signing);
    }

    private record Signing(SsfQueuedEvent event, FutureTask<String> set) {
    }

    /** A batch being signed, handed out in queue order. */
    static final class Batch {
        private final Deque<Signing> signing;

        private Batch(Deque<Signing> signing) {
            this.signing = signing;
        }

        /** No SETs yet: the first read fills the next one. */
        static Batch empty() {
            return new Batch(new ArrayDeque<>());
        }

        boolean isEmpty() {
            return signing.isEmpty();
        }

        /** The oldest SET not yet handed out. */
        SsfQueuedEvent head() {
            return signing.getFirst().event();
        }

        /**
         * The head, signed: by the pushing thread now if no pool thread has begun it (a FutureTask
         * runs once), else when that thread is done. A failed signing is thrown as it was.
         *
         * @return empty when the thread was interrupted while waiting (its interrupt flag is set again)
         */
        Optional<String> signedHead() {
            FutureTask<String> set = signing.getFirst().set();
            set.run();
            try {
                return Optional.of(set.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failed) {
                    throw failed;
                }
                throw new IllegalStateException("signing a SET failed", e.getCause());
            }
        }

        /** The head was pushed (or rejected): the next one is the head. */
        void dropHead() {
            signing.removeFirst();
        }

        /** The rest will not be pushed in this pass: their signing is called off (they stay queued). */
        void discard() {
            signing.forEach(s -> s.set().cancel(false));
            signing.clear();
        }
    }
}
