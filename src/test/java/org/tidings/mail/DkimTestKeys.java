package org.tidings.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.tidings.config.DeliverabilityConfig.DkimConfig;

/** Keys made in the test, written as {@code openssl genpkey} writes them: PEM around PKCS#8. */
final class DkimTestKeys {
    static final String DOMAIN = "tidings.example.org";
    static final String SELECTOR = "s2025";

    private DkimTestKeys() {
    }

    static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static KeyPair ed25519() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The private key as a PEM file, with the configuration that names it. */
    static DkimConfig write(KeyPair pair, Path dir) throws IOException {
        return write(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), dir);
    }

    static DkimConfig write(String fileText, Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("dkim.pem"), fileText);
        return new DkimConfig(DOMAIN, SELECTOR, file);
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
