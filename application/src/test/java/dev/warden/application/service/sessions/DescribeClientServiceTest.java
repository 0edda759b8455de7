package dev.warden.application.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.application.fakes.FakeUserAgentParser;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.DeviceType;
import org.junit.jupiter.api.Test;

class DescribeClientServiceTest {

    @Test
    void describesThroughTheParser() {
        assertEquals(new ClientDescription("curl", "8.5", "Linux", "", DeviceType.DESKTOP),
                new DescribeClientService(new FakeUserAgentParser()).describe("curl/8.5"));
    }

    @Test
    void givenAParserThatFailsOrAnswersNothing_thenTheClientIsUnknownAndTheListStillShows() {
        assertEquals(ClientDescription.UNKNOWN, new DescribeClientService(userAgent -> {
            throw new IllegalStateException("a rule that cannot handle this header");
        }).describe("odd/1"));
        assertEquals(ClientDescription.UNKNOWN, new DescribeClientService(userAgent -> null).describe("odd/1"));
    }
}
