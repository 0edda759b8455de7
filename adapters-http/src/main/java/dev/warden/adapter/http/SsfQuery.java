package dev.warden.adapter.http;

import dev.warden.application.port.in.InvalidRequest;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** The {@code stream_id} query parameter of the Shared Signals GET and DELETE calls. */
final class SsfQuery {
    private SsfQuery() {
    }

    /**
     * @return the parameter; null when absent and not {@code required}
     * @throws InvalidRequest when repeated, or absent though required
     */
    static String streamId(ServerRequest req, boolean required) {
        List<String> values = req.query().all("stream_id", List::of);
        if (values.size() > 1) {
            throw new InvalidRequest("stream_id must be given once.");
        }
        if (values.isEmpty() || values.getFirst().isEmpty()) {
            if (required) {
                throw new InvalidRequest("The query parameter stream_id is required.");
            }
            return null;
        }
        return values.getFirst();
    }
}
