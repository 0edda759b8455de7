package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.aTokenHash;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.OutboxQueue.PendingEvent;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.domain.testdata.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every EventOutbox must do: keep events exactly, in append order, for the relay. */
public abstract class EventOutboxContract extends PortContract {
    protected EventOutbox outbox;
    protected OutboxQueue queue;

    @BeforeEach
    void setUpOutbox() {
        outbox = ports.outbox();
        queue = ports.queue();
    }

    @Test
    void givenCreatedAndEndedEvents_whenReadBack_thenEqualInEveryFieldIncludingNullsAndMicroseconds() {
        Account alice = anAccount("alice").build();
        Session session = aSession(alice).build();
        SessionEvent created = SessionEvent.created(session, TestData.FIREFOX_ON_LINUX, NOW);
        SessionEvent terminated = SessionEvent.ended(session, TerminationReason.ADMIN_TERMINATED, UserId.random(),
                NOW.plusNanos(1_000));
        SessionEvent expired = SessionEvent.ended(session, TerminationReason.IDLE_TIMEOUT, null, NOW.plusSeconds(1));
        ports.transactions().run(() -> List.of(created, terminated, expired).forEach(outbox::append));

        List<OutboxEvent> read = queue.oldestUnpublished(10).stream().map(PendingEvent::event).toList();

        assertEquals(List.of(created, terminated, expired), read);
    }

    @Test
    void givenAccountEventsBetweenSessionEvents_whenReadBack_thenEveryKindIsEqualInEveryFieldAndInAppendOrder() {
        Account alice = anAccount("alice").build();
        Session session = aSession(alice).build();
        UserId admin = UserId.random();
        List<OutboxEvent> appended = List.of(
                AccountEvent.of(AccountEvent.Type.CREATED, alice, admin, NOW),
                SessionEvent.created(session, TestData.FIREFOX_ON_LINUX, NOW.plusNanos(1_000)),
                AccountEvent.of(AccountEvent.Type.ROLE_CHANGED, alice.withRole(Role.ADMIN), admin, NOW.plusSeconds(1)),
                AccountEvent.of(AccountEvent.Type.LOCKED, alice, null, NOW.plusSeconds(2)),
                SessionEvent.ended(session, TerminationReason.ACCOUNT_DISABLED, admin, NOW.plusSeconds(3)),
                AccountEvent.of(AccountEvent.Type.DISABLED, alice, admin, NOW.plusSeconds(3)));
        ports.transactions().run(() -> appended.forEach(outbox::append));

        assertEquals(appended, queue.oldestUnpublished(10).stream().map(PendingEvent::event).toList());
    }

    @Test
    void givenUnusualText_whenAppended_thenItIsStoredVerbatim() {
        Session session = new Session(aSession(anAccount("o'neil").build()).build().id(), UserId.random(), "o'neil",
                aTokenHash(), "2001:db8::1", "Mozilla \"quoted\" \\ back\u00e9 \n line", NOW, NOW,
                NOW.plusSeconds(3600));
        SessionEvent created = SessionEvent.created(session, TestData.FIREFOX_ON_LINUX, NOW);

        outbox.append(created);

        assertEquals(created, queue.oldestUnpublished(1).getFirst().event());
    }
}
