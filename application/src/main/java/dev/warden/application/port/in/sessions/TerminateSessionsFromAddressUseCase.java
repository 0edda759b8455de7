package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.domain.AddressRange;
import dev.warden.domain.UserId;

/**
 * Incident response: an administrator ends every active session from one address or network
 * (optionally only one user's), keeping the caller's own current session.
 */
public interface TerminateSessionsFromAddressUseCase {

    /**
     * Validated on construction.
     *
     * @param ip     an address, or a network of at least /16 (IPv4) or /48 (IPv6); kept in the
     *               recorded form (IPv6 in full, a network as {@code network/prefix})
     * @param userId only this user's sessions; null for everyone's
     */
    record Command(String ip, UserId userId) {
        public Command {
            if (ip == null || ip.isBlank()) {
                // Without an address (and a user) this would be "terminate everything".
                throw new InvalidRequest("Query parameter 'userId' or 'ip' is required to terminate sessions.");
            }
            ip = IpParameter.parse(ip).toString();
        }

        public AddressRange range() {
            return IpParameter.parse(ip);
        }
    }

    /**
     * Ends them with reason ADMIN_TERMINATED: one session-ended event each, and one audit entry
     * SESSIONS_TERMINATED_BY_IP naming the range and the count.
     *
     * @return how many sessions were ended
     * @throws dev.warden.application.port.in.Forbidden unless the actor is an administrator
     */
    int terminateFromAddress(Command command, Actor actor);
}
