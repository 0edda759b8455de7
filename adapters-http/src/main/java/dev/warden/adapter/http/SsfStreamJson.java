package dev.warden.adapter.http;

import dev.warden.application.port.in.ssf.ListAllStreamsUseCase.StreamSummary;
import dev.warden.application.port.in.ssf.StreamStatusView;
import dev.warden.application.port.in.ssf.StreamView;
import dev.warden.domain.SsfDelivery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of streams: a receiver's stream configuration and status as SSF 1.0 names them
 * (snake_case), and the administrators' summary (camelCase, like the rest of the admin API).
 * A push stream's {@code authorization_header} is never in any of them.
 */
record SsfStreamJson(SsfEndpoints endpoints) {
    static final String POLL_PATH = "/ssf/poll/";

    /** SSF 1.0 section 8.1.1: {@code iss} and a poll stream's {@code endpoint_url} are Warden's. */
    Map<String, Object> configuration(StreamView s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stream_id", s.streamId());
        json.put("iss", endpoints.issuer());
        json.put("aud", s.audience());
        json.put("events_supported", s.eventsSupported());
        if (s.eventsRequested() != null) {
            json.put("events_requested", s.eventsRequested());
        }
        json.put("events_delivered", s.eventsDelivered());
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("method", s.deliveryMethod());
        delivery.put("endpoint_url", s.deliveryMethod().equals(SsfDelivery.Method.POLL.urn())
                ? pollUrl(s.streamId()) : s.endpointUrl());
        json.put("delivery", delivery);
        json.put("min_verification_interval", s.minVerificationInterval());
        if (s.description() != null) {
            json.put("description", s.description());
        }
        return json;
    }

    String pollUrl(String streamId) {
        return endpoints.url(POLL_PATH + streamId);
    }

    static Map<String, Object> status(StreamStatusView s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stream_id", s.streamId());
        json.put("status", s.status());
        if (s.reason() != null) {
            json.put("reason", s.reason());
        }
        return json;
    }

    /** The administrators' view; a poll stream's endpoint is Warden's poll URL. */
    Map<String, Object> summary(StreamSummary s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("streamId", s.streamId());
        json.put("clientId", s.clientId());
        json.put("clientName", s.clientName());
        json.put("deliveryMethod", s.deliveryMethod());
        json.put("endpointUrl", s.endpointUrl() == null ? pollUrl(s.streamId()) : s.endpointUrl());
        json.put("status", s.status());
        json.put("statusReason", s.statusReason());
        json.put("eventsDelivered", s.eventsDelivered());
        json.put("pending", s.pending());
        json.put("createdAt", s.createdAt().toString());
        json.put("lastDeliveredAt", s.lastDeliveredAt() == null ? null : s.lastDeliveredAt().toString());
        json.put("lastError", s.lastError());
        return json;
    }
}
