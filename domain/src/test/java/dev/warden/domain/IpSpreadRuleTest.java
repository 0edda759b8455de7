package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.IpSpreadRule.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpSpreadRuleTest {
    private static final IpSpreadRule RULE = IpSpreadRule.of(WardenPolicy.DEFAULTS);

    private ActiveSessionIps state = ActiveSessionIps.empty();
    private final List<Transition> transitions = new ArrayList<>();

    private void start(SessionId id, String ip) {
        record(state.started(id, ip, RULE));
    }

    private void end(SessionId id) {
        record(state.ended(id, RULE));
    }

    private void record(ActiveSessionIps.Change change) {
        state = change.state();
        if (change.transition() != Transition.NONE) {
            transitions.add(change.transition());
        }
    }

    @Test
    void givenThreeIps_whenFourthArrivesAndLeaves_thenRaisedOnceAndResolvedOnce() {
        SessionId a = SessionId.random(), b = SessionId.random(), c = SessionId.random(), d = SessionId.random();
        start(a, "10.0.0.1");
        start(b, "10.0.0.2");
        start(c, "10.0.0.3");
        assertEquals(List.of(), transitions);
        assertFalse(state.alarmOpen());

        start(d, "10.0.0.4");
        assertEquals(List.of(Transition.RAISE), transitions);
        assertTrue(state.alarmOpen());

        end(d);
        assertEquals(List.of(Transition.RAISE, Transition.RESOLVE), transitions);
        assertEquals(3, state.distinctIps());
        assertFalse(state.alarmOpen());
    }

    @Test
    void givenAnOpenAlarm_whenSpreadStaysAtFourOrGrowsToFive_thenNothingNewIsRaised() {
        for (int i = 1; i <= 4; i++) {
            start(SessionId.random(), "10.0.0." + i);
        }
        SessionId fifth = SessionId.random();
        start(fifth, "10.0.0.5");
        start(SessionId.random(), "10.0.0.5");
        end(fifth);

        assertEquals(List.of(Transition.RAISE), transitions);
        assertEquals(5, state.distinctIps());
    }

    @Test
    void sessionsOnTheSameIpCountOnce() {
        for (int i = 0; i < 6; i++) {
            start(SessionId.random(), "10.0.0.1");
        }
        start(SessionId.random(), "10.0.0.2");

        assertEquals(2, state.distinctIps());
        assertEquals(List.of(), transitions);
    }

    @Test
    void repeatedStartsAndUnknownEndsChangeNothing() {
        SessionId a = SessionId.random();
        start(a, "10.0.0.1");
        start(a, "10.0.0.9");
        end(SessionId.random());

        assertEquals(1, state.distinctIps());
        assertEquals("10.0.0.1", state.ipBySession().get(a));
    }

    @Test
    void theRuleAtItsBoundary() {
        assertEquals(Transition.NONE, RULE.evaluate(false, 3));
        assertEquals(Transition.RAISE, RULE.evaluate(false, 4));
        assertEquals(Transition.NONE, RULE.evaluate(true, 4));
        assertEquals(Transition.RESOLVE, RULE.evaluate(true, 3));
        assertEquals(Transition.RAISE, new IpSpreadRule(2).evaluate(false, 2));
    }
}
