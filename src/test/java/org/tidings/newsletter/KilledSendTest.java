package org.tidings.newsletter;

import org.tidings.subscribers.SignupRequest;
import org.tidings.subscribers.Signup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.Tidings;
import org.tidings.config.ConfigLoader;
import org.tidings.config.TidingsConfig;
import org.tidings.model.Entry;
import org.tidings.store.NewFeed;

/**
 * {@code digest send} in a real second JVM, killed with SIGKILL mid-issue, then run again: every
 * subscriber gets the issue once, but for the messages in flight at the kill, which are in doubt:
 * counted, and by the policy of {@link org.tidings.store.DeliveryClaims} not sent again.
 */
class KilledSendTest {
    private static final int SUBSCRIBERS = 120;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void killedSendResumesWithoutRepeatingAnyoneAndCountsTheMessagesInFlightInDoubt() throws Exception {
        Path config = Files.writeString(dir.resolve("tidings.properties"), String.join("\n",
                "smtp.host=127.0.0.1", "smtp.port=" + greenMail.getSmtp().getPort(), "smtp.security=none",
                "mail.from=Tidings <news@tidings.example.org>", "mail.rate=40", "mail.concurrency=2",
                "templates.dir=" + Path.of("templates").toAbsolutePath(), ""));
        TidingsConfig c = new ConfigLoader(dir, Map.of()).load(config);
        try (Tidings t = Tidings.open(c, Clock.systemUTC())) {
            long feed = t.feeds().addIfAbsent(new NewFeed(URI.create("https://lemonde.example/rss"), "Le Monde", null,
                    "Presse"), Instant.now()).orElseThrow().id();
            t.articles().save(feed, List.of(new Entry("1", URI.create("https://lemonde.example/1"), "Grève générale",
                    List.of(), null, null, "Résumé", "", List.of())), Instant.now());
            for (int i = 0; i < SUBSCRIBERS; i++) {
                new Signup(t.newsletter()).add(new SignupRequest("reader" + i + "@example.org", null, List.of(), true),
                        Signup.Returning.RESUBSCRIBE);
            }
        }
        Thread.sleep(5);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.tidings.Main", "--config", config.toString(), "digest",
                "send").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (greenMail.getReceivedMessages().length < 25 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        int beforeKill = greenMail.getReceivedMessages().length;
        assertTrue(beforeKill >= 25 && beforeKill < SUBSCRIBERS, "killed after " + beforeKill + " messages; log: "
                + Files.readString(dir.resolve("child.log")));

        SendReport resumed;
        try (Tidings t = Tidings.open(c, Clock.systemUTC())) {
            resumed = new IssueSender(t.newsletter()).send();
            assertTrue(resumed.resumed(), resumed.describe());
        }

        Map<String, Integer> perRecipient = new TreeMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            perRecipient.merge(m.getRecipients(Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
        }
        List<String> twice = new ArrayList<>();
        perRecipient.forEach((who, n) -> {
            if (n > 1) {
                twice.add(who + " x" + n);
            }
        });
        assertEquals(List.of(), twice, "nobody gets the issue twice");
        assertTrue(resumed.inDoubt() <= 2, "at most the 2 messages in flight are in doubt: " + resumed.describe());
        // An in-doubt message may have arrived before the kill or not: without it, a subscriber is one of them.
        assertTrue(perRecipient.size() >= SUBSCRIBERS - resumed.inDoubt() && perRecipient.size() <= SUBSCRIBERS,
                perRecipient.size() + " got the issue; " + resumed.describe());
        assertTrue(new File(dir.toFile(), "data").isDirectory());
    }
}
