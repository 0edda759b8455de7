package dev.warden.application.service.ssf;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.ssf.ChangeStreamSubjectsUseCase;
import dev.warden.application.port.in.ssf.ReadStreamStatusUseCase;
import dev.warden.application.port.in.ssf.StreamStatusView;
import dev.warden.application.port.in.ssf.TooManyVerifications;
import dev.warden.application.port.in.ssf.UpdateStreamStatusUseCase;
import dev.warden.application.port.in.ssf.VerifyStreamUseCase;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.AuditType;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfEventTypes;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamStatus;
import dev.warden.domain.UserId;
import dev.warden.domain.Uuids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stream's status, subjects and verification (SSF 1.0 sections 8.1.2 to 8.1.4): what a receiver
 * changes about a stream other than its configuration, and the SSF events those changes queue.
 */
public record StreamControlService(TransactionBoundary transactions, SsfStreams streams, UserAccounts accounts,
        OwnedStreams owned, Clock clock)
        implements ReadStreamStatusUseCase, UpdateStreamStatusUseCase, ChangeStreamSubjectsUseCase, VerifyStreamUseCase {

    @Override
    public StreamStatusView status(ReceiverClientId caller, String streamId) {
        return view(owned.require(caller, streamId));
    }

    @Override
    public StreamStatusView update(ReceiverClientId caller, String streamId, String status, String reason) {
        Instant now = Now.of(clock);
        SsfStreamStatus wanted = OwnedStreams.checked(() -> SsfStreamStatus.parse(status));
        String why = OwnedStreams.checked(() -> SsfStream.optionalText(reason, "reason"));
        return transactions.inTransaction(() -> {
            SsfStream current = owned.require(caller, streamId);
            if (current.status() == wanted && java.util.Objects.equals(current.statusReason(), why)) {
                return view(current);
            }
            SsfStream changed = current.withStatus(wanted, why);
            streams.update(changed);
            if (!wanted.keepsEvents()) {
                streams.clear(changed.id());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", wanted.text());
            if (why != null) {
                fields.put("reason", why);
            }
            owned.enqueue(changed, SsfQueuedEvent.aboutStream(changed.id(), SsfEventTypes.STREAM_UPDATED, fields, now));
            owned.audit(AuditType.SSF_STREAM_UPDATED, changed, "status " + wanted.text(), now);
            return view(changed);
        });
    }

    @Override
    public void change(ReceiverClientId caller, String streamId, Map<String, Object> subject, String issuer,
            boolean add) {
        UserId user = OwnedStreams.checked(() -> issSubUser(subject, issuer));
        Instant now = Now.of(clock);
        transactions.run(() -> {
            SsfStream stream = owned.require(caller, streamId);
            if (accounts.findById(user).isEmpty()) {
                throw new UserNotFound("No Warden user has the id " + user + ".");
            }
            streams.setSubject(stream.id(), user, add);
            owned.audit(AuditType.SSF_STREAM_UPDATED, stream, (add ? "subject added " : "subject removed ") + user,
                    now);
        });
    }

    @Override
    public void verify(ReceiverClientId caller, String streamId, String state) {
        if (state != null && (state.length() > 1024 || dev.warden.domain.BoundedText.hasUnsafe(state))) {
            throw new InvalidRequest("state must be at most 1024 characters without control characters.");
        }
        Instant now = Now.of(clock);
        transactions.run(() -> {
            SsfStream stream = owned.require(caller, streamId);
            Instant next = stream.nextVerificationAllowedAt(now);
            if (next != null) {
                long seconds = Math.max(1, Duration.between(now, next).toSeconds() + 1);
                throw new TooManyVerifications("At most one verification per " + SsfStream.MIN_VERIFICATION_INTERVAL
                        .toSeconds() + " seconds (min_verification_interval); try again in " + seconds + " seconds.",
                        seconds);
            }
            streams.update(stream.verificationRequestedAt(now));
            Map<String, Object> fields = state == null ? Map.of() : Map.of("state", state);
            owned.enqueue(stream, SsfQueuedEvent.aboutStream(stream.id(), SsfEventTypes.VERIFICATION, fields, now));
        });
    }

    private static StreamStatusView view(SsfStream s) {
        return new StreamStatusView(s.id().toString(), s.status().text(), s.statusReason());
    }

    /** An RFC 9493 {@code iss_sub} identifier of this issuer's user; nothing else names a Warden user. */
    private static UserId issSubUser(Map<String, Object> subject, String issuer) {
        if (subject == null || !"iss_sub".equals(subject.get("format"))) {
            throw new IllegalArgumentException("subject must be an iss_sub subject identifier"
                    + " {\"format\":\"iss_sub\",\"iss\":\"" + issuer + "\",\"sub\":\"<user id>\"}");
        }
        if (!subject.keySet().equals(Set.of("format", "iss", "sub"))) {
            throw new IllegalArgumentException("an iss_sub subject has exactly the members format, iss and sub");
        }
        if (!issuer.equals(subject.get("iss"))) {
            throw new IllegalArgumentException("subject.iss must be " + issuer);
        }
        if (!(subject.get("sub") instanceof String sub)) {
            throw new IllegalArgumentException("subject.sub must be a Warden user id");
        }
        return new UserId(Uuids.parse(sub, "subject.sub"));
    }
}
