package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;
import java.util.Map;

/**
 * A receiver adds a subject to its stream or removes one (SSF 1.0 section 8.1.3). Every user is a
 * subject by default ({@code default_subjects} ALL): removing leaves the user's events out of the
 * stream, adding takes them back in. A subject is an {@code iss_sub} identifier of a Warden user
 * ({@code iss} the transmitter's, {@code sub} the user id). Audited SSF_STREAM_UPDATED.
 */
public interface ChangeStreamSubjectsUseCase {
    /**
     * @param subject the subject identifier as sent (RFC 9493 members)
     * @param issuer  the transmitter's issuer, which an {@code iss_sub} subject must name
     * @throws dev.warden.application.port.in.InvalidRequest when the subject is not an iss_sub of this issuer
     * @throws StreamNotFound when the caller has no stream with this id
     * @throws dev.warden.application.port.in.accounts.UserNotFound when no user has that id
     */
    void change(ReceiverClientId caller, String streamId, Map<String, Object> subject, String issuer, boolean add);
}
