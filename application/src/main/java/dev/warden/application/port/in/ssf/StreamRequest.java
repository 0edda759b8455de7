package dev.warden.application.port.in.ssf;

import java.util.List;

/**
 * A stream configuration as a receiver sent it: to create (no id), update (PATCH: an absent
 * property is left as it is) or replace (PUT: an absent receiver-supplied property is deleted)
 * a stream. Transmitter-supplied properties may be sent back but must match (SSF 1.0 section
 * 8.1.1.3); null means absent.
 *
 * @param delivery        null when absent
 * @param eventsRequested null when absent
 * @param aud             the {@code aud} sent back, or null
 * @param eventsSupported the {@code events_supported} sent back, or null
 * @param eventsDelivered the {@code events_delivered} sent back, or null
 * @param minVerificationInterval the {@code min_verification_interval} sent back, or null
 */
public record StreamRequest(String streamId, Delivery delivery, List<String> eventsRequested, String description,
                            String aud, List<String> eventsSupported, List<String> eventsDelivered,
                            Long minVerificationInterval) {

    /**
     * {@code delivery}: the method's URN and, for push, the endpoint and the authorization header.
     *
     * @param endpointUrl         null when absent
     * @param authorizationHeader null when absent
     */
    public record Delivery(String method, String endpointUrl, String authorizationHeader) {
        @Override
        public String toString() {
            return "Delivery[" + method + ", " + endpointUrl + (authorizationHeader == null ? "" : ", authorization redacted") + "]";
        }
    }
}
