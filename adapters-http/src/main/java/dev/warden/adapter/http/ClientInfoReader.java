package dev.warden.adapter.http;

import dev.warden.domain.ClientInfo;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.util.List;

/** Where a request came from: client IP (see {@link ClientIpResolver}) and User-Agent. */
final class ClientInfoReader {
    private final ClientIpResolver resolver;

    ClientInfoReader(List<Cidr> trustedProxies) {
        this.resolver = new ClientIpResolver(trustedProxies);
    }

    ClientInfo read(ServerRequest req) {
        return new ClientInfo(ipAddress(req), req.headers().first(HeaderNames.USER_AGENT).orElse(""));
    }

    String ipAddress(ServerRequest req) {
        if (req.remotePeer().address() instanceof InetSocketAddress socket && socket.getAddress() != null) {
            return resolver.resolve(socket.getAddress(), req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of));
        }
        // Not an IP socket (an in-memory test client): the peer's own description is all there is.
        String host = req.remotePeer().host();
        return host == null || host.isBlank() ? "unknown" : host;
    }
}
