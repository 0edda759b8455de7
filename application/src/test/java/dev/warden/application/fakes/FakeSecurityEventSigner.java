package dev.warden.application.fakes;

import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.domain.SecurityEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A signer for tests that need no real signature: it publishes the keys it is given and "signs"
 * an event as {@code signed:<jti>}, remembering what it signed.
 */
public final class FakeSecurityEventSigner implements SecurityEventSigner {
    /** Two made-up keys, the first "signing": what a JWKS with a rotated key publishes. */
    public static final List<PublishedKey> TWO_KEYS = List.of(
            new PublishedKey("kid-new", "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw", "AQAB"),
            new PublishedKey("kid-old", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw", "AQAB"));

    private final List<PublishedKey> keys;
    public final List<SecurityEvent> signed = new CopyOnWriteArrayList<>();

    public FakeSecurityEventSigner(List<PublishedKey> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public String sign(SecurityEvent event) {
        signed.add(event);
        return "signed:" + event.jti();
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return keys;
    }
}
