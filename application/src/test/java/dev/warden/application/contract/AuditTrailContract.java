package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every AuditTrail must do. */
public abstract class AuditTrailContract extends PortContract {
    protected AuditTrail audit;

    @BeforeEach
    void setUpAudit() {
        audit = ports.audit();
    }

    @Test
    void givenFullAndSparseEntries_whenListed_thenTheyComeBackExactlyNewestFirst() {
        AuditEntry full = AuditEntry.of(AuditType.SESSION_TERMINATED, NOW.minusSeconds(5))
                .withUser(UserId.random(), "alice").withActor(UserId.random(), "admin")
                .withSession(SessionId.random()).withClient(new ClientInfo("198.51.100.4", "curl/8"))
                .withReason("ADMIN_TERMINATED");
        AuditEntry unknownUser = AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(null, "mallory");
        audit.append(full);
        audit.append(unknownUser);

        Page<AuditEntry> page = audit.list(new AuditQuery(PageRequest.FIRST, null, null));

        assertEquals(List.of(unknownUser, full), page.items());
        assertEquals(2, page.total());
    }

    @Test
    void givenEntriesOfTheSameInstant_whenListed_thenTheLaterWrittenComesFirst() {
        UserId user = UserId.random();
        AuditEntry failed = AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(user, "alice");
        AuditEntry locked = AuditEntry.of(AuditType.ACCOUNT_LOCKED, NOW).withUser(user, "alice");
        audit.append(failed);
        audit.append(locked);

        assertEquals(List.of(locked, failed), audit.list(new AuditQuery(PageRequest.FIRST, null, null)).items());
    }

    @Test
    void givenEntriesWrittenOutOfTimeOrder_whenListed_thenTheyComeNewestFirst() {
        AuditEntry older = AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(30)).withUser(null, "alice");
        AuditEntry newer = AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(null, "bob");
        audit.append(newer);
        audit.append(older);

        assertEquals(List.of(newer, older), audit.list(new AuditQuery(PageRequest.FIRST, null, null)).items());
    }

    @Test
    void givenEntriesOfSeveralUsersAndTypes_whenFiltered_thenOnlyMatchesAreListedAndCounted() {
        UserId alice = UserId.random();
        UserId bob = UserId.random();
        for (int i = 0; i < 5; i++) {
            audit.append(AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW.plusSeconds(i)).withUser(alice, "alice"));
        }
        audit.append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(alice, "alice"));
        audit.append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(bob, "bob"));

        Page<AuditEntry> alicesSuccesses = audit.list(new AuditQuery(new PageRequest(2, 1), alice, AuditType.LOGIN_SUCCEEDED));
        assertEquals(5, alicesSuccesses.total());
        assertEquals(List.of(NOW.plusSeconds(3), NOW.plusSeconds(2)),
                alicesSuccesses.items().stream().map(AuditEntry::occurredAt).toList());
        assertEquals(6, audit.list(new AuditQuery(PageRequest.FIRST, alice, null)).total());
        assertEquals(2, audit.list(new AuditQuery(PageRequest.FIRST, null, AuditType.LOGIN_FAILED)).total());
        assertEquals(List.of(bob), audit.list(new AuditQuery(PageRequest.FIRST, bob, null)).items().stream()
                .map(AuditEntry::userId).toList());
    }
}
