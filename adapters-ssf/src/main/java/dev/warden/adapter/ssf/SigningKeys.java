package dev.warden.adapter.ssf;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SET signing keys of WARDEN_SSF_SIGNING_KEY_FILE: one or more RSA private keys of at least
 * {@value #MIN_BITS} bits, each a PKCS#8 {@code -----BEGIN PRIVATE KEY-----} block. The first signs;
 * all are published, so a key rotation is: put the new key first, keep the old one after it for as
 * long as receivers may still verify SETs it signed, then remove it. Each key's {@code kid} is its
 * RFC 7638 thumbprint, so it needs no naming and is the same on every instance.
 * {@link #toString()} names the key ids only.
 */
public final class SigningKeys {
    public static final int MIN_BITS = 2048;
    /** What dev mode generates: the same strength production is asked for at least. */
    static final int GENERATED_BITS = 2048;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private final List<RSAKey> keys;

    private SigningKeys(List<RSAKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Reads the keys of a PEM text.
     *
     * @throws IllegalArgumentException with one line saying what is wrong (no key, not PKCS#8, not RSA, too short)
     */
    public static SigningKeys parse(String pem) {
        List<RSAKey> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            int number = keys.size() + 1;
            String type = block.group(1);
            if (!type.equals("PRIVATE KEY")) {
                throw new IllegalArgumentException("key " + number + " is a '" + type + "' block; each key must be an"
                        + " unencrypted PKCS#8 '-----BEGIN PRIVATE KEY-----' (openssl pkcs8 -topk8 -nocrypt converts one)");
            }
            keys.add(rsaKey(number, Base64.getMimeDecoder().decode(block.group(2))));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("holds no '-----BEGIN PRIVATE KEY-----' block");
        }
        return new SigningKeys(keys);
    }

    /**
     * Reads the keys of a file.
     *
     * @throws IllegalArgumentException with one line when it cannot be read or holds no usable keys
     */
    public static SigningKeys read(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        return parse(pem);
    }

    /** A new RSA key of {@value #GENERATED_BITS} bits as a PKCS#8 PEM block: what dev mode writes under var/. */
    public static String generatePem(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(GENERATED_BITS, RSAKeyGenParameterSpec.F4), random);
            KeyPair pair = generator.generateKeyPair();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK can generate RSA keys", e);
        }
    }

    private static RSAKey rsaKey(int number, byte[] pkcs8) {
        RSAPrivateCrtKey privateKey;
        try {
            if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8))
                    instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("key " + number + " lacks its public exponent (not a CRT RSA key)");
            }
            privateKey = crt;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException known && known.getMessage().startsWith("key ")) {
                throw known;
            }
            throw new IllegalArgumentException("key " + number + " is not an RSA private key in PKCS#8");
        }
        int bits = privateKey.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw new IllegalArgumentException("key " + number + " has " + bits + " bits; at least " + MIN_BITS
                    + " are needed");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalArgumentException("key " + number + " has no usable public key (" + e.getMessage() + ")");
        }
    }

    /** The keys, the signing one first. */
    List<RSAKey> keys() {
        return keys;
    }

    /** The key that signs: the first. */
    RSAKey signing() {
        return keys.getFirst();
    }

    /** How many keys there are. */
    public int size() {
        return keys.size();
    }

    @Override
    public String toString() {
        return "SigningKeys" + keys.stream().map(RSAKey::getKeyID).toList();
    }
}
