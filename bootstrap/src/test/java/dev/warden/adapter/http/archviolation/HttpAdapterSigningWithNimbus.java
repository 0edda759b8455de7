package dev.warden.adapter.http.archviolation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.SignedJWT;

/** Fixture: breaks "Nimbus stays in the SSF adapter": the HTTP adapter signing a SET itself. */
public class HttpAdapterSigningWithNimbus {
    public String sign(SignedJWT set, RSASSASigner signer) throws JOSEException {
        set.sign(signer);
        return set.serialize();
    }
}
