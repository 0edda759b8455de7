package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.ApiClient.Response;
import dev.warden.bootstrap.e2e.TopicTail.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offboarding and incident response, end to end: real HTTP, PostgreSQL and Kafka. Disable, reset,
 * self-service sessions and password change, role changes, the owner's protections, and the
 * account events other services offboard from.
 */
class AccountLifecycleIT {
    private static final String PASSWORD = "a fine long passphrase";
    private static final String NEW_PASSWORD = "quite another passphrase";
    private static RunningWarden warden;
    private static ApiClient api;
    private static String owner;
    private static String ownerId;
    private static int counter;

    @BeforeAll
    static void start() {
        warden = RunningWarden.start(Map.of("WARDEN_LOCKOUT_THRESHOLD", "3"));
        api = warden.client();
    }

    @AfterAll
    static void stop() {
        warden.close();
    }

    @BeforeEach
    void anOwnerSession() {
        // One owner session for the class (the per-user session limit is 10), renewed if a test ended it.
        if (owner == null || api.get("/api/auth/session", owner).status() != 200) {
            owner = warden.ownerToken();
        }
        ownerId = api.get("/api/auth/session", owner).json().path("user").path("id").asText();
    }

    private static String createUser(String prefix, String role, String token) {
        String name = prefix + (++counter);
        Response created = api.post("/api/admin/users", token,
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, created.status(), created.body());
        return name;
    }

    private static String idOf(String username) {
        JsonNode row = api.get("/api/admin/users?q=" + username, owner).json().path("items").get(0);
        assertEquals(username, row.path("username").asText());
        return row.path("id").asText();
    }

    private static Response put(String path, String token, String json) {
        return api.send("PUT", path, token, json, Map.of());
    }

    private static int status(String token) {
        return api.get("/api/auth/session", token).status();
    }

    private static List<String> loginTimes(String username, String password, int times) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            tokens.add(api.login(username, password).token());
        }
        return tokens;
    }

    // ---- offboarding ----

    @Test
    void disable_thenEveryTokenGets401AndThePasswordNoLongerLogsIn_thenEnable_thenLoginWorks() {
        String leaver = createUser("leaver", "USER", owner);
        String id = idOf(leaver);
        List<String> tokens = loginTimes(leaver, PASSWORD, 3);

        Response disabled = api.post("/api/admin/users/" + id + "/disable", owner, null);

        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(3, disabled.json().path("terminated").asInt());
        for (String token : tokens) {
            Response next = api.get("/api/auth/session", token);
            assertEquals(401, next.status());
            assertEquals("unauthenticated", next.problemType());
        }
        Response refused = api.login(leaver, PASSWORD);
        Response unknown = api.login("nobody-" + leaver, PASSWORD);
        assertEquals(401, refused.status());
        assertEquals(unknown.body(), refused.body(), "a disabled account answers like any failed login");
        JsonNode row = api.get("/api/admin/users?q=" + leaver, owner).json().path("items").get(0);
        assertEquals("DISABLED", row.path("status").asText());
        assertEquals(0, row.path("activeSessions").asInt());
        assertEquals("ACCOUNT_DISABLED", TestPostgresText.endReason(
                api.get("/api/admin/audit?type=SESSION_TERMINATED&userId=" + id, owner).json()
                        .path("items").get(0).path("sessionId").asText()));
        JsonNode audited = api.get("/api/admin/audit?type=USER_DISABLED&userId=" + id, owner).json().path("items").get(0);
        assertEquals(RunningWarden.OWNER, audited.path("actorUsername").asText());

        assertEquals(204, api.post("/api/admin/users/" + id + "/enable", owner, null).status());

        String again = api.login(leaver, PASSWORD).token();
        assertEquals(200, status(again));
        for (String token : tokens) {
            assertEquals(401, status(token), "ended sessions stay ended");
        }
    }

    @Test
    void reset_thenTheOldPasswordAndOldTokensFail_theLockIsLifted_andTheNewPasswordLogsIn() {
        String victim = createUser("victim", "USER", owner);
        String id = idOf(victim);
        List<String> tokens = loginTimes(victim, PASSWORD, 2);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.login(victim, "an attacker's guess").status());
        }
        assertFalse(api.get("/api/admin/users?q=" + victim, owner).json().path("items").get(0)
                .path("lockedUntil").isNull(), "locked by the guesses");

        Response reset = api.post("/api/admin/users/" + id + "/password", owner,
                "{\"password\":\"" + NEW_PASSWORD + "\"}");

        assertEquals(200, reset.status(), reset.body());
        assertEquals(2, reset.json().path("terminated").asInt());
        assertFalse(reset.body().contains(NEW_PASSWORD));
        for (String token : tokens) {
            assertEquals(401, status(token));
        }
        assertEquals(401, api.login(victim, PASSWORD).status());
        assertEquals(200, status(api.login(victim, NEW_PASSWORD).token()), "the lock was lifted");
        String sessionId = api.get("/api/admin/audit?type=SESSION_TERMINATED&userId=" + id, owner).json()
                .path("items").get(0).path("sessionId").asText();
        assertEquals("PASSWORD_RESET", TestPostgresText.endReason(sessionId));
    }

    @Test
    void aResetPasswordMustMeetThePolicy() {
        String id = idOf(createUser("weak", "USER", owner));

        Response reset = api.post("/api/admin/users/" + id + "/password", owner, "{\"password\":\"short\"}");

        assertEquals(400, reset.status());
        assertEquals("password-policy", reset.problemType());
    }

    // ---- self-service ----

    @Test
    void changeOwnPassword_thenOtherDevicesGet401AndThisOneStays() {
        String alice = createUser("alice", "USER", owner);
        String laptop = api.login(alice, PASSWORD).token();
        String phone = api.login(alice, PASSWORD).token();

        Response changed = api.post("/api/auth/password", laptop,
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");

        assertEquals(204, changed.status(), changed.body());
        assertEquals(200, status(laptop));
        assertEquals(401, status(phone));
        assertEquals(401, api.login(alice, PASSWORD).status());
        assertEquals(201, api.login(alice, NEW_PASSWORD).status());
    }

    @Test
    void aWrongCurrentPasswordIs401AndCountsTowardTheLockout() {
        String bob = createUser("bob", "USER", owner);
        String laptop = api.login(bob, PASSWORD).token();
        String wrong = "{\"currentPassword\":\"not the password\",\"newPassword\":\"" + NEW_PASSWORD + "\"}";

        for (int i = 0; i < 3; i++) {
            Response refused = api.post("/api/auth/password", laptop, wrong);
            assertEquals(401, refused.status());
            assertEquals("invalid-credentials", refused.problemType());
        }

        assertEquals(401, api.login(bob, PASSWORD).status(), "three failures locked the account");
        assertEquals(200, status(laptop), "the session itself stays");
        assertEquals(204, api.post("/api/admin/users/" + idOf(bob) + "/unlock", owner, null).status());
        assertEquals(201, api.login(bob, PASSWORD).status());
    }

    @Test
    void aUserSeesTheirOwnSessionsAndEndsOneOrAllOthers() {
        String carol = createUser("carol", "USER", owner);
        String laptop = api.login(carol, PASSWORD).token();
        String phone = api.login(carol, PASSWORD).token();
        String tablet = api.login(carol, PASSWORD).token();
        String phoneId = api.get("/api/auth/session", phone).json().path("session").path("id").asText();
        String ownerSessionId = api.get("/api/auth/session", owner).json().path("session").path("id").asText();

        JsonNode items = api.get("/api/auth/sessions", laptop).json().path("items");
        assertEquals(3, items.size());
        long current = 0;
        for (JsonNode item : items) {
            assertEquals(carol, item.path("username").asText());
            current += item.path("current").asBoolean() ? 1 : 0;
        }
        assertEquals(1, current);

        Response notMine = api.delete("/api/auth/sessions/" + ownerSessionId, laptop);
        assertEquals(404, notMine.status());
        assertEquals("session-not-found", notMine.problemType());
        assertEquals(200, status(owner), "someone else's session is untouched");

        assertEquals(204, api.delete("/api/auth/sessions/" + phoneId, laptop).status());
        assertEquals(401, status(phone));
        assertEquals(404, api.delete("/api/auth/sessions/" + phoneId, laptop).status(), "no longer active");

        assertEquals(400, api.delete("/api/auth/sessions", laptop).status(), "never all at once by accident");
        Response others = api.delete("/api/auth/sessions?scope=others", laptop);
        assertEquals(200, others.status(), others.body());
        assertEquals(1, others.json().path("terminated").asInt());
        assertEquals(401, status(tablet));
        assertEquals(200, status(laptop));

        String laptopId = api.get("/api/auth/session", laptop).json().path("session").path("id").asText();
        assertEquals(204, api.delete("/api/auth/sessions/" + laptopId, laptop).status());
        assertEquals(401, status(laptop), "ending the current session is a logout");
        assertEquals("USER_LOGOUT", TestPostgresText.endReason(laptopId));
    }

    // ---- roles and who may do what ----

    @Test
    void aNewRoleHoldsFromTheNextRequestOfTheSameSession() {
        String dave = createUser("dave", "USER", owner);
        String id = idOf(dave);
        String token = api.login(dave, PASSWORD).token();
        assertEquals(403, api.get("/api/admin/users", token).status());

        Response promoted = put("/api/admin/users/" + id + "/role", owner, "{\"role\":\"ADMIN\"}");

        assertEquals(200, promoted.status(), promoted.body());
        assertEquals("ADMIN", promoted.json().path("role").asText());
        assertEquals(1, promoted.json().path("activeSessions").asInt(), "sessions stay");
        assertEquals(200, api.get("/api/admin/users", token).status());

        assertEquals(200, put("/api/admin/users/" + id + "/role", owner, "{\"role\":\"USER\"}").status());
        assertEquals(403, api.get("/api/admin/users", token).status());
        assertEquals(400, put("/api/admin/users/" + id + "/role", owner, "{\"role\":\"OWNER\"}").status());
    }

    @Test
    void theOwnerIsProtectedAndOnlyTheOwnerManagesAdmins() {
        String erin = createUser("erin", "ADMIN", owner);
        String admin = api.login(erin, PASSWORD).token();
        String otherAdminId = idOf(createUser("frank", "ADMIN", owner));
        String userId = idOf(createUser("gina", "USER", admin));

        Response disableOwner = api.post("/api/admin/users/" + ownerId + "/disable", admin, null);
        assertEquals(409, disableOwner.status());
        assertEquals("owner-protected", disableOwner.problemType());
        assertEquals(409, put("/api/admin/users/" + ownerId + "/role", admin, "{\"role\":\"USER\"}").status());
        assertEquals(409, api.post("/api/admin/users/" + ownerId + "/password", admin,
                "{\"password\":\"" + NEW_PASSWORD + "\"}").status());
        assertEquals(409, api.post("/api/admin/users/" + ownerId + "/disable", owner, null).status(),
                "not even the owner disables the owner");
        assertEquals(409, put("/api/admin/users/" + ownerId + "/role", owner, "{\"role\":\"ADMIN\"}").status());

        for (Response forbidden : List.of(
                api.post("/api/admin/users/" + otherAdminId + "/disable", admin, null),
                api.post("/api/admin/users/" + otherAdminId + "/enable", admin, null),
                put("/api/admin/users/" + otherAdminId + "/role", admin, "{\"role\":\"USER\"}"),
                api.post("/api/admin/users/" + otherAdminId + "/password", admin, "{\"password\":\"" + NEW_PASSWORD + "\"}"),
                put("/api/admin/users/" + userId + "/role", admin, "{\"role\":\"ADMIN\"}"),
                api.post("/api/admin/users", admin, "{\"username\":\"henry" + counter + "\",\"password\":\""
                        + PASSWORD + "\",\"role\":\"ADMIN\"}"))) {
            assertEquals(403, forbidden.status(), forbidden.body());
            assertEquals("forbidden", forbidden.problemType());
        }
        assertEquals(200, api.post("/api/admin/users/" + userId + "/disable", admin, null).status(),
                "ADMINs manage USERs");
        assertEquals(200, api.post("/api/admin/users/" + otherAdminId + "/disable", owner, null).status());

        String ownerElsewhere = warden.ownerToken();
        Response endOwners = api.delete("/api/admin/sessions?userId=" + ownerId, admin);
        assertEquals(200, endOwners.status(), "any administrator may end anyone's sessions, the owner's too");
        assertEquals(401, status(ownerElsewhere));
        assertEquals(401, status(owner));
    }

    @Test
    void aStolenOwnerTokenCannotSetANewOwnerPassword_norCanAnAdminUnlockTheOwner() {
        Response reset = api.post("/api/admin/users/" + ownerId + "/password", owner,
                "{\"password\":\"" + NEW_PASSWORD + "\"}");

        assertEquals(403, reset.status(), reset.body());
        assertEquals("forbidden", reset.problemType());
        assertEquals(201, api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).status(),
                "the old password still works");
        assertEquals(200, status(owner), "and nothing ended");

        String admin = api.login(createUser("ivan", "ADMIN", owner), PASSWORD).token();
        Response unlock = api.post("/api/admin/users/" + ownerId + "/unlock", admin, null);
        assertEquals(403, unlock.status(), unlock.body());
        assertEquals(204, api.post("/api/admin/users/" + ownerId + "/unlock", owner, null).status());
    }

    @Test
    void unknownUsersAre404() {
        String nobody = "0b7c4f6e-2f1a-4c1e-9a59-2f0c1c3e9d10";
        assertEquals(404, api.post("/api/admin/users/" + nobody + "/disable", owner, null).status());
        assertEquals(404, api.post("/api/admin/users/" + nobody + "/enable", owner, null).status());
        assertEquals(404, put("/api/admin/users/" + nobody + "/role", owner, "{\"role\":\"USER\"}").status());
        Response reset = api.post("/api/admin/users/" + nobody + "/password", owner, "{\"password\":\"" + NEW_PASSWORD + "\"}");
        assertEquals(404, reset.status());
        assertEquals("user-not-found", reset.problemType());
    }

    // ---- what other services see ----

    @Test
    void accountEventsArriveOnTheirTopicKeyedByUserInOrder() {
        String ivan = createUser("ivan", "USER", owner);
        String id = idOf(ivan);
        assertEquals(200, put("/api/admin/users/" + id + "/role", owner, "{\"role\":\"ADMIN\"}").status());
        assertEquals(200, api.post("/api/admin/users/" + id + "/disable", owner, null).status());
        assertEquals(204, api.post("/api/admin/users/" + id + "/enable", owner, null).status());
        for (int i = 0; i < 3; i++) {
            api.login(ivan, "a wrong guess here");
        }
        assertEquals(204, api.post("/api/admin/users/" + id + "/unlock", owner, null).status());
        assertEquals(200, api.post("/api/admin/users/" + id + "/password", owner,
                "{\"password\":\"" + NEW_PASSWORD + "\"}").status());

        List<String> expected = List.of("warden.account.created", "warden.account.role-changed",
                "warden.account.disabled", "warden.account.enabled", "warden.account.locked",
                "warden.account.unlocked", "warden.account.password-changed");
        try (TopicTail tail = new TopicTail(warden.app.kafkaBootstrap(), "warden.account-events")) {
            List<Event> mine = tail.until(seen -> seen.stream().filter(e -> id.equals(e.key())).count() >= expected.size(),
                    Duration.ofSeconds(30)).stream().filter(e -> id.equals(e.key())).toList();

            assertEquals(expected, mine.stream().map(Event::type).toList());
            for (Event event : mine) {
                assertEquals(id, event.data().path("userId").asText());
                assertEquals(ivan, event.data().path("username").asText());
                assertEquals(id, event.cloudEvent().path("subject").asText());
                assertEquals(event.cloudEvent().path("time").asText(), event.data().path("at").asText());
            }
            assertEquals(ownerId, mine.get(0).data().path("actorId").asText());
            assertEquals("USER", mine.get(0).data().path("role").asText());
            assertEquals("ADMIN", mine.get(1).data().path("role").asText());
            assertTrue(mine.get(4).data().path("actorId").isNull(), "a lock by failed logins has no actor");
            assertFalse(mine.get(2).data().has("role"));
            assertNotEquals(mine.get(2).cloudEvent().path("id").asText(), mine.get(3).cloudEvent().path("id").asText());
        }
    }
}
