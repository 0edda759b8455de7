package dev.warden.application.service;

import static dev.warden.application.fakes.UseCaseFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.domain.Account;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Role;
import dev.warden.domain.Username;
import org.junit.jupiter.api.Test;

/** What login looks up for the typed name: {@link Username#lookupForm}, and nothing longer. */
class LoginUsernameFormTest {
    private final UseCaseFixture warden = new UseCaseFixture();
    private final ClientInfo client = new ClientInfo("198.51.100.4", "curl/8.5");

    @Test
    void givenAnAccountCreatedAsALigature_whenTheLigatureIsTyped_thenLoggedIn() {
        Account finn = warden.givenAccount("\uFB01nn", Role.USER);

        assertEquals(finn.id(), warden.login.login("\uFB01nn", PASSWORD, client).session().userId());
        assertEquals(finn.id(), warden.login.login("\uFF46\uFF49\uFF4E\uFF4E", PASSWORD, client).session().userId());
    }

    @Test
    void givenA16KiBName_whenLoggingIn_thenRefusedAfterTheDecoyHashAndAuditedCut() {
        String typed = "q".repeat(16 * 1024);

        assertThrows(InvalidCredentials.class, () -> warden.login.login(typed, PASSWORD, client));

        assertEquals(1, warden.hasher.verifications, "the decoy hash ran, as for any unknown name");
        assertEquals(Username.lookupForm(typed), warden.audit.ofType(AuditType.LOGIN_FAILED).getFirst().username());
        assertEquals(Username.MAX_LENGTH + 1, warden.audit.ofType(AuditType.LOGIN_FAILED).getFirst().username().length());
    }

    @Test
    void givenANameOneCharacterTooLongWhoseCutIsAnAccount_whenLoggingIn_thenRefused() {
        warden.givenAccount("r".repeat(Username.MAX_LENGTH), Role.USER);

        assertThrows(InvalidCredentials.class,
                () -> warden.login.login("r".repeat(Username.MAX_LENGTH + 1), PASSWORD, client));
    }
}
