package dev.warden.application.service.ssf;

import dev.warden.application.port.in.ssf.ListSigningKeysUseCase;
import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.application.port.out.SecurityEventSigner.PublishedKey;
import java.util.List;

/** The JWKS: the signer's public keys, as configured (the signing one first). */
public record SigningKeysService(SecurityEventSigner signer) implements ListSigningKeysUseCase {
    @Override
    public List<PublishedKey> keys() {
        return signer.publishedKeys();
    }
}
