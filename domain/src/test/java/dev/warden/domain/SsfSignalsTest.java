package dev.warden.domain;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static dev.warden.domain.testdata.TestData.anAlarmEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.testdata.TestData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract's event table: each Warden fact as the exact SET event and subject it becomes. */
class SsfSignalsTest {
    private static final String ISS = "https://warden.example.com";
    private static final Account ALICE = anAccount("alice").build();
    private static final Account ADMIN = anAccount("root").withRole(Role.ADMIN).build();
    private static final Session SESSION = aSession(ALICE).withIp("203.0.113.7").build();

    private static Map<String, Object> aliceSubject() {
        return Map.of("format", "iss_sub", "iss", ISS, "sub", ALICE.id().toString());
    }

    private static SsfSignal signal(OutboxEvent event) {
        return SsfSignals.of(event, ISS).orElseThrow();
    }

    @Test
    void aLoginIsSessionEstablished_withTheComplexSubjectTheTimeAndTheAddress() {
        SessionEvent login = SessionEvent.created(SESSION, TestData.FIREFOX_ON_LINUX, NOW);
        SsfSignal s = signal(login);
        assertEquals(SsfEventTypes.SESSION_ESTABLISHED, s.eventType());
        assertEquals(login.eventId(), s.eventId());
        assertEquals(ALICE.id(), s.userId());
        assertEquals(Map.of("format", "complex", "user", aliceSubject(),
                "session", Map.of("format", "opaque", "id", SESSION.id().toString())), s.subjectId());
        assertEquals(Map.of("event_timestamp", NOW.getEpochSecond(), "ips", List.of("203.0.113.7")), s.fields());
    }

    @Test
    void everySessionEndIsSessionRevoked_initiatedByWhoEndedIt_withTheReasonCode() {
        record Case(TerminationReason reason, UserId actor, String initiatingEntity) {
        }
        for (Case c : List.of(
                new Case(TerminationReason.USER_LOGOUT, ALICE.id(), "user"),
                new Case(TerminationReason.PASSWORD_CHANGED, ALICE.id(), "user"),
                new Case(TerminationReason.ADMIN_TERMINATED, ALICE.id(), "user"),
                new Case(TerminationReason.ADMIN_TERMINATED, ADMIN.id(), "admin"),
                new Case(TerminationReason.ADMIN_LOGOUT_ALL, ADMIN.id(), "admin"),
                new Case(TerminationReason.ACCOUNT_DISABLED, ADMIN.id(), "admin"),
                new Case(TerminationReason.PASSWORD_RESET, ADMIN.id(), "admin"),
                new Case(TerminationReason.PASSWORD_RESET, null, "admin"),
                new Case(TerminationReason.IDLE_TIMEOUT, null, "policy"),
                new Case(TerminationReason.ABSOLUTE_LIFETIME, null, "policy"))) {
            SessionEvent end = SessionEvent.ended(SESSION, c.reason(), c.actor(), NOW);
            SsfSignal s = signal(end);
            assertEquals(SsfEventTypes.SESSION_REVOKED, s.eventType(), c.toString());
            assertEquals(Map.of("format", "complex", "user", aliceSubject(),
                    "session", Map.of("format", "opaque", "id", SESSION.id().toString())), s.subjectId());
            assertEquals(Map.of("event_timestamp", NOW.getEpochSecond(), "initiating_entity", c.initiatingEntity(),
                    "reason_admin", Map.of("en", c.reason().name())), s.fields(), c.toString());
        }
    }

    @Test
    void anOwnPasswordChangeAndAResetAreCredentialChange_byTheUserOrAnAdmin() {
        SsfSignal own = signal(AccountEvent.of(AccountEvent.Type.PASSWORD_CHANGED, ALICE, ALICE.id(), NOW));
        assertEquals(SsfEventTypes.CREDENTIAL_CHANGE, own.eventType());
        assertEquals(aliceSubject(), own.subjectId());
        assertEquals(Map.of("credential_type", "password", "change_type", "update",
                "event_timestamp", NOW.getEpochSecond(), "initiating_entity", "user",
                "reason_admin", Map.of("en", "PASSWORD_CHANGED")), own.fields());
        SsfSignal reset = signal(AccountEvent.of(AccountEvent.Type.PASSWORD_CHANGED, ALICE, ADMIN.id(), NOW));
        assertEquals(Map.of("credential_type", "password", "change_type", "update",
                "event_timestamp", NOW.getEpochSecond(), "initiating_entity", "admin",
                "reason_admin", Map.of("en", "PASSWORD_RESET")), reset.fields());
    }

    @Test
    void disableAndEnableAreRiscEvents_aboutTheUser_andOtherAccountFactsBecomeNothing() {
        SsfSignal disabled = signal(AccountEvent.of(AccountEvent.Type.DISABLED, ALICE, ADMIN.id(), NOW));
        assertEquals(SsfEventTypes.ACCOUNT_DISABLED, disabled.eventType());
        assertEquals(aliceSubject(), disabled.subjectId());
        assertEquals(Map.of(), disabled.fields());
        SsfSignal enabled = signal(AccountEvent.of(AccountEvent.Type.ENABLED, ALICE, ADMIN.id(), NOW));
        assertEquals(SsfEventTypes.ACCOUNT_ENABLED, enabled.eventType());
        assertEquals(aliceSubject(), enabled.subjectId());
        for (AccountEvent.Type type : List.of(AccountEvent.Type.CREATED, AccountEvent.Type.ROLE_CHANGED,
                AccountEvent.Type.LOCKED, AccountEvent.Type.UNLOCKED)) {
            assertTrue(SsfSignals.of(AccountEvent.of(type, ALICE, null, NOW), ISS).isEmpty(), type.name());
        }
    }

    @Test
    void anIpSpreadAlarmRaisedIsRiskHigh_andResolvedIsBackToLow() {
        AlarmEvent raised = anAlarmEvent().of(ALICE).raised().build();
        SsfSignal high = SsfSignals.of(RiskChange.of(raised), ISS);
        assertEquals(SsfEventTypes.RISK_LEVEL_CHANGE, high.eventType());
        assertEquals(raised.eventId(), high.eventId());
        assertEquals(aliceSubject(), high.subjectId());
        assertEquals(Map.of("principal", "USER", "current_level", "HIGH", "previous_level", "LOW",
                "risk_reason", "IP_SPREAD", "event_timestamp", raised.at().getEpochSecond()), high.fields());
        SsfSignal low = SsfSignals.of(RiskChange.of(anAlarmEvent().of(ALICE).resolved().build()), ISS);
        assertEquals("LOW", low.fields().get("current_level"));
        assertEquals("HIGH", low.fields().get("previous_level"));
    }

    @Test
    void theJtiIsStablePerStreamAndEvent_andTxnIsTheWardenEvent() {
        SsfStreamId stream = SsfStreamId.random();
        SsfSignal s = signal(AccountEvent.of(AccountEvent.Type.DISABLED, ALICE, ADMIN.id(), NOW));
        SsfQueuedEvent first = s.queuedOn(stream, NOW);
        SsfQueuedEvent again = s.queuedOn(stream, NOW.plusSeconds(60));
        assertEquals(first.jti(), again.jti());
        assertEquals(s.eventId().toString(), first.txn());
        assertNotEquals(first.jti(), s.queuedOn(SsfStreamId.random(), NOW).jti());
        assertNotEquals(first.jti(), SsfSignal.jti(stream, UUID.randomUUID()));
        assertEquals(NOW, first.queuedAt());
    }

    @Test
    void aStreamWantsASignal_onlyWhenItKeepsEvents_askedForTheType_andKeptTheUser() {
        SsfSignal s = signal(AccountEvent.of(AccountEvent.Type.DISABLED, ALICE, ADMIN.id(), NOW));
        SsfStream all = SsfStream.created(SsfStreamId.random(), ReceiverClientId.random(), null, SsfDelivery.POLL,
                null, NOW);
        assertTrue(s.wantedBy(all, List.of()));
        assertTrue(s.wantedBy(all.withStatus(SsfStreamStatus.PAUSED, null), List.of()));
        assertFalse(s.wantedBy(all.withStatus(SsfStreamStatus.DISABLED, null), List.of()));
        assertFalse(s.wantedBy(all, List.of(ALICE.id())));
        assertFalse(s.wantedBy(all.configured(null, SsfDelivery.POLL, List.of(SsfEventTypes.SESSION_REVOKED)),
                List.of()));
    }
}
