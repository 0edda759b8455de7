package dev.warden.application.port.in.ssf;

import dev.warden.application.port.out.SecurityEventSigner.PublishedKey;
import java.util.List;

/** The public keys that verify Warden's SETs (the JWKS), the signing one first. */
public interface ListSigningKeysUseCase {
    List<PublishedKey> keys();
}
