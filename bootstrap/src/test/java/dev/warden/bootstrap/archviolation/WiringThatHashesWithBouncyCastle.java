package dev.warden.bootstrap.archviolation;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/** Fixture: breaks "password libraries stay in their adapter": the wiring hashing by itself. */
public class WiringThatHashesWithBouncyCastle {
    public Argon2BytesGenerator generator() {
        return new Argon2BytesGenerator();
    }
}
