package dev.warden.application.port.in.ssf;

import dev.warden.domain.SsfStream;
import java.util.List;

/**
 * A stream's configuration as the receiver reads it (SSF 1.0 section 8.1.1), without what only
 * the HTTP adapter knows ({@code iss}, a poll stream's endpoint URL). The push
 * {@code authorization_header} is a credential: it is never part of a view.
 *
 * @param endpointUrl      the push endpoint; null for poll
 * @param eventsRequested  null when the receiver requested none
 * @param description      null when none
 * @param minVerificationInterval seconds
 */
public record StreamView(String streamId, String audience, List<String> eventsSupported,
                         List<String> eventsRequested, List<String> eventsDelivered, String deliveryMethod,
                         String endpointUrl, String description, long minVerificationInterval) {

    public static StreamView of(SsfStream s) {
        return new StreamView(s.id().toString(), s.clientId().toString(), dev.warden.domain.SsfEventTypes.SUPPORTED,
                s.eventsRequested(), s.eventsDelivered(), s.delivery().method().urn(),
                s.delivery().endpointUrl() == null ? null : s.delivery().endpointUrl().toString(), s.description(),
                SsfStream.MIN_VERIFICATION_INTERVAL.toSeconds());
    }
}
