package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.TestSmtp;
import org.tidings.Tidings;
import org.tidings.config.ConfigException;

/** The application reads the DKIM key when it opens: a bad one stops every command, a good one signs what it sends. */
class DkimStartupTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void refusesToOpenWithAWeakKey() throws Exception {
        Path keyFile = DkimTestKeys.write(DkimTestKeys.rsa(1024), Files.createDirectory(dir.resolve("keys"))).keyFile();

        ConfigException e = assertThrows(ConfigException.class,
                () -> TestDatabase.tidings(dir, settings(keyFile), MailFixtures.CLOCK).close());

        assertTrue(e.getMessage().startsWith("Invalid configuration mail.dkim.key-file: " + keyFile), e.getMessage());
    }

    @Test
    void refusesToOpenWithAMissingKey() {
        Path keyFile = dir.resolve("keys/missing.pem");

        ConfigException e = assertThrows(ConfigException.class,
                () -> TestDatabase.tidings(dir, settings(keyFile), MailFixtures.CLOCK).close());

        assertTrue(e.getMessage().contains("mail.dkim.key-file"), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void theMailerItWiresSignsWithTheConfiguredKey() throws Exception {
        KeyPair pair = DkimTestKeys.ed25519();
        Path keyFile = DkimTestKeys.write(pair, Files.createDirectory(dir.resolve("keys"))).keyFile();

        try (Tidings tidings = TestDatabase.tidings(dir, settings(keyFile), MailFixtures.CLOCK);
                MailSession session = tidings.newsletter().mailer().open()) {
            assertEquals(new SendOutcome.Sent(),
                    session.send(MailFixtures.message("reader@example.org", "<wired@tidings.example.org>")));
        }

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        greenMail.getReceivedMessages()[0].writeTo(raw);
        byte[] spki = pair.getPublic().getEncoded();
        assertTrue(Ed25519DkimVerifier.verifies(raw.toByteArray(), Arrays.copyOfRange(spki, 12, spki.length)));
    }

    private static Map<String, String> settings(Path keyFile) {
        Map<String, String> env = new HashMap<>(TestSmtp.settings(greenMail.getSmtp().getPort()));
        env.put("TIDINGS_MAIL_DKIM_DOMAIN", DkimTestKeys.DOMAIN);
        env.put("TIDINGS_MAIL_DKIM_SELECTOR", DkimTestKeys.SELECTOR);
        env.put("TIDINGS_MAIL_DKIM_KEY_FILE", keyFile.toString());
        return env;
    }
}
