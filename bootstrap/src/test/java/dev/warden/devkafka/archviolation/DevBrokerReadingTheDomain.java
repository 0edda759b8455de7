package dev.warden.devkafka.archviolation;

import dev.warden.domain.UserId;

/** Fixture: breaks "the dev broker depends on no Warden code". */
public class DevBrokerReadingTheDomain {
    public String topicFor(UserId user) {
        return "user-" + user;
    }
}
