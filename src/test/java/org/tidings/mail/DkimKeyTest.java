package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.config.ConfigException;
import org.tidings.config.DeliverabilityConfig.DkimConfig;

/** Reading mail.dkim.key-file: the keys DKIM can use, the public half for DNS, and every refusal. */
class DkimKeyTest {
    /** RFC 8410 section 10.3's Ed25519 private key, as openssl genpkey writes it, and its public key from section 10.1. */
    private static final String RFC8410_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            -----END PRIVATE KEY-----
            """;
    private static final String RFC8410_PUBLIC_HEX = "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

    @TempDir
    Path dir;

    @Test
    void givesAnRsaKeysPublicHalfAsSubjectPublicKeyInfoForDns() throws Exception {
        KeyPair pair = DkimTestKeys.rsa(2048);

        DkimKey key = DkimKey.load(DkimTestKeys.write(pair, dir));

        assertEquals("rsa", key.keyType());
        assertArrayEquals(pair.getPublic().getEncoded(), key.publicKeyBytes());
        assertEquals("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                key.dnsRecord());
        assertEquals("s2025._domainkey.tidings.example.org", key.dnsName());
    }

    @Test
    void derivesAnEd25519KeysRawPublicKeyFromTheOpensslPrivateKey() throws Exception {
        DkimKey key = DkimKey.load(DkimTestKeys.write(RFC8410_PRIVATE, dir));

        assertEquals("ed25519", key.keyType());
        assertArrayEquals(HexFormat.of().parseHex(RFC8410_PUBLIC_HEX), key.publicKeyBytes());
        assertEquals("v=DKIM1; k=ed25519; p=Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=", key.dnsRecord());
    }

    @Test
    void derivesTheSamePublicKeyAsTheJdkForAGeneratedEd25519Key() throws Exception {
        KeyPair pair = DkimTestKeys.ed25519();

        DkimKey key = DkimKey.load(DkimTestKeys.write(pair, dir));

        byte[] spki = pair.getPublic().getEncoded();
        // Ed25519's SubjectPublicKeyInfo is a fixed 12-byte prefix and the raw key (RFC 8410 section 4).
        assertArrayEquals(Arrays.copyOfRange(spki, 12, spki.length), key.publicKeyBytes());
    }

    @Test
    void refusesRsaUnder2048Bits() throws Exception {
        DkimConfig config = DkimTestKeys.write(DkimTestKeys.rsa(1024), dir);

        assertRefused(config, "1024 bits");
    }

    @Test
    void refusesAFileThatIsNotPem() throws Exception {
        assertRefused(DkimTestKeys.write("this is not a key\n", dir), "not a PEM private key");
    }

    @Test
    void refusesAMissingFile() {
        assertRefused(new DkimConfig(DkimTestKeys.DOMAIN, DkimTestKeys.SELECTOR, dir.resolve("nowhere.pem")),
                "no such file");
    }

    @Test
    void refusesAnEncryptedKey() throws Exception {
        byte[] der = DkimTestKeys.rsa(2048).getPrivate().getEncoded();
        // PBES1: what EncryptedPrivateKeyInfo can encode on JDK 17; the PEM label is the same for every scheme.
        String algorithm = "PBEWithSHA1AndDESede";
        SecretKey password = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec("pw".toCharArray()));
        Cipher cipher = Cipher.getInstance(algorithm);
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        cipher.init(Cipher.ENCRYPT_MODE, password, new PBEParameterSpec(salt, 10_000));
        EncryptedPrivateKeyInfo encrypted = new EncryptedPrivateKeyInfo(cipher.getParameters(), cipher.doFinal(der));

        DkimConfig config = DkimTestKeys.write(DkimTestKeys.pem("ENCRYPTED PRIVATE KEY", encrypted.getEncoded()), dir);

        assertRefused(config, "encrypted");
    }

    @Test
    void refusesAnEcKeyAsNeitherRsaNorEd25519() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);

        assertRefused(DkimTestKeys.write(generator.generateKeyPair(), dir), "not an RSA or Ed25519");
    }

    @Test
    void refusesGarbageBetweenPemLines() throws Exception {
        String pem = DkimTestKeys.pem("PRIVATE KEY", "not DER at all".getBytes());

        assertRefused(DkimTestKeys.write(pem, dir), "not an RSA or Ed25519");
    }

    @Test
    void refusesAHugeFileWithoutReadingItAll() throws Exception {
        Path file = Files.write(dir.resolve("huge.pem"), new byte[10 * 1024 * 1024]);

        assertRefused(new DkimConfig(DkimTestKeys.DOMAIN, DkimTestKeys.SELECTOR, file), "not a key file");
    }

    private static void assertRefused(DkimConfig config, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> DkimKey.load(config));
        assertTrue(e.getMessage().contains("mail.dkim.key-file"), e.getMessage());
        assertTrue(e.getMessage().contains(config.keyFile().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
