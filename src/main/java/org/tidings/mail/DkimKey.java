package org.tidings.mail;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.tidings.config.ConfigException;
import org.tidings.config.DeliverabilityConfig.DkimConfig;

/**
 * The DKIM signing key of {@code mail.dkim.*}, read once at start-up. A key that cannot sign well
 * stops Tidings there, naming {@code mail.dkim.key-file}, rather than at the first digest: RFC 8301
 * forbids RSA under 1024 bits and the big providers want 2048. It also gives the public half as DNS
 * should publish it, so that a check can compare the two.
 */
public final class DkimKey {
    static final String KEY_FILE = "mail.dkim.key-file";
    private static final int MIN_RSA_BITS = 2048;

    private final String domain;
    private final String selector;
    /** The RSA key, or null for Ed25519. */
    private final PrivateKey rsaKey;
    /**
     * The Ed25519 key, or null for RSA. Signed through Bouncy Castle: the JDK 17 Ed25519 signs about
     * 2,000 times a second on one core, Bouncy Castle about 24,000.
     */
    private final Ed25519PrivateKeyParameters edKey;
    private final String keyType;
    private final byte[] publicKey;

    private DkimKey(DkimConfig config, PrivateKey rsaKey, Ed25519PrivateKeyParameters edKey, byte[] publicKey) {
        this.domain = config.domain();
        this.selector = config.selector();
        this.rsaKey = rsaKey;
        this.edKey = edKey;
        this.keyType = rsaKey != null ? "rsa" : "ed25519";
        this.publicKey = publicKey;
    }

    /** @throws ConfigException naming {@code mail.dkim.key-file}, its path and why the key is refused */
    public static DkimKey load(DkimConfig config) {
        PemKeyFile.Read read = PemKeyFile.read(config.keyFile());
        if (read instanceof PemKeyFile.Refused refused) {
            throw refusal(config, refused.reason());
        }
        byte[] der = ((PemKeyFile.Der) read).bytes();
        try {
            PrivateKey key = parse(der);
            if (key instanceof RSAPrivateCrtKey rsa) {
                int bits = rsa.getModulus().bitLength();
                if (bits < MIN_RSA_BITS) {
                    throw refusal(config, "an RSA key of " + bits + " bits; DKIM needs at least " + MIN_RSA_BITS);
                }
                return new DkimKey(config, key, null, rsaPublicKey(rsa));
            }
            if (key instanceof EdECPrivateKey ed && ed.getParams().getName().equalsIgnoreCase("Ed25519")) {
                byte[] seed = ed.getBytes().orElseThrow(() -> new InvalidKeySpecException("no key bytes"));
                Ed25519PrivateKeyParameters edKey = new Ed25519PrivateKeyParameters(seed, 0);
                return new DkimKey(config, null, edKey, edKey.generatePublicKey().getEncoded());
            }
            throw refusal(config, "an RSA private key without its public exponent");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refusal(config, "not an RSA or Ed25519 PKCS#8 key");
        }
    }

    private static PrivateKey parse(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException notRsa) {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }

    /** SubjectPublicKeyInfo DER, what {@code openssl rsa -pubout} writes and RFC 6376 puts in p=. */
    private static byte[] rsaPublicKey(RSAPrivateCrtKey rsa) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())).getEncoded();
    }

    private static ConfigException refusal(DkimConfig config, String reason) {
        return new ConfigException(KEY_FILE, config.keyFile() + ": " + reason);
    }

    /** The d= tag: the domain that vouches for the message. */
    public String domain() {
        return domain;
    }

    /** The s= tag: the public key is the TXT record at {@code SELECTOR._domainkey.DOMAIN}. */
    public String selector() {
        return selector;
    }

    /** The k= tag: "rsa" or "ed25519". */
    public String keyType() {
        return keyType;
    }

    /** The p= tag's bytes: SubjectPublicKeyInfo DER for RSA, the raw 32 bytes for Ed25519 (RFC 8463). */
    public byte[] publicKeyBytes() {
        return publicKey.clone();
    }

    /** The TXT record's value to publish at {@link #dnsName()}. */
    public String dnsRecord() {
        return "v=DKIM1; k=" + keyType + "; p=" + Base64.getEncoder().encodeToString(publicKey);
    }

    /** Where the public key is published: {@code SELECTOR._domainkey.DOMAIN}. */
    public String dnsName() {
        return selector + "._domainkey." + domain;
    }

    /** The a= tag. */
    String algorithm() {
        return keyType + "-sha256";
    }

    /**
     * Signs the canonical header data. RFC 8463 section 3: Ed25519 signs the SHA-256 hash of the
     * data, not the data itself; RSA hashes inside the signature as RFC 6376 says.
     */
    byte[] sign(byte[] data) {
        try {
            if (edKey != null) {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
                Ed25519Signer signer = new Ed25519Signer();
                signer.init(true, edKey);
                signer.update(hash, 0, hash.length);
                return signer.generateSignature();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(rsaKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with the DKIM key " + dnsName() + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "DkimKey[" + dnsName() + ", " + keyType + "]";
    }
}
