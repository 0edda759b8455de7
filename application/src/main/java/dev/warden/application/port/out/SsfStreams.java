package dev.warden.application.port.out;

import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Shared Signals event streams, the subjects added to or removed from them, and each stream's
 * queue of SETs waiting for delivery (oldest first, each with the {@code jti} it keeps on every
 * redelivery). Deleting a stream deletes its subjects and its queue.
 */
public interface SsfStreams {
    void insert(SsfStream stream);

    Optional<SsfStream> find(SsfStreamId id);

    /** A client's streams, oldest first. */
    List<SsfStream> listOf(ReceiverClientId clientId);

    /** Every stream, of every client, oldest first. */
    List<SsfStream> listAll();

    /** Stores every property of an existing stream (the id and client never change). */
    void update(SsfStream stream);

    /** @return false when there was no such stream */
    boolean delete(SsfStreamId id);

    /**
     * Adds ({@code included}) or removes a user as a subject of the stream. Every user is a subject
     * by default ({@code default_subjects} ALL); a removed user is left out until added again.
     */
    void setSubject(SsfStreamId id, UserId user, boolean included);

    /** The users removed from the stream (so left out of its events). */
    List<UserId> excludedSubjects(SsfStreamId id);

    void enqueue(SsfStreamId id, SsfQueuedEvent event);

    /** Up to {@code limit} queued events, oldest first. */
    List<SsfQueuedEvent> queued(SsfStreamId id, int limit);

    /** How many events wait in the stream's queue. */
    long pending(SsfStreamId id);

    /**
     * Removes these events from the queue (acknowledged or rejected by the receiver); unknown ids
     * are ignored.
     *
     * @return how many were removed
     */
    int remove(SsfStreamId id, Collection<String> jtis);

    /** Empties the stream's queue (a disabled stream keeps nothing). */
    void clear(SsfStreamId id);

    /** Records that the receiver confirmed delivery at {@code at}. */
    void recordDelivered(SsfStreamId id, Instant at);

    /** Records the last delivery error (what the receiver reported, in Warden's words). */
    void recordError(SsfStreamId id, String error);
}
