package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tidings.config.DeliverabilityConfig.InboundConfig;
import org.tidings.model.InboundKind;
import org.tidings.model.InboundReport;

/** The bounce mailbox drained over real IMAP and POP3 (GreenMail), holding the reader's fixtures. */
class InboundMailboxTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.POP3.dynamicPort()});

    private static final String PASSWORD = "s3cret-Pa55";
    private final InboundReader reader = new InboundReader(InboundReaderTest.BOUNCE);
    private GreenMailUser user;

    @BeforeEach
    void createUser() {
        user = greenMail.setUser("bounces@tidings.example.org", "bounces", PASSWORD);
    }

    private void deliver(String... fixtures) throws Exception {
        for (String name : fixtures) {
            try (InputStream in = InboundReaderTest.fixture(name)) {
                user.deliver(new MimeMessage(Session.getInstance(new Properties()), in));
            }
        }
    }

    private static InboundConfig config(String scheme, int port, String password, String path) {
        return new InboundConfig(URI.create(scheme + "://bounces:" + password + "@127.0.0.1:" + port + path),
                Duration.ofMinutes(5));
    }

    private InboundConfig imap() {
        return config("imap", greenMail.getImap().getPort(), PASSWORD, "/INBOX");
    }

    private InboundConfig pop3() {
        return config("pop3", greenMail.getPop3().getPort(), PASSWORD, "");
    }

    /** Acts on what names a delivery; throws for soft bounces, as a store that is down would. */
    static final class RecordingSink implements InboundSink {
        final List<InboundReport> seen = new ArrayList<>();
        boolean failOnSoftBounce;

        @Override
        public Verdict accept(InboundReport report) {
            seen.add(report);
            if (failOnSoftBounce && report.kind() == InboundKind.SOFT_BOUNCE) {
                throw new IllegalStateException("database unavailable");
            }
            boolean named = report.verpDetail() != null || report.originalMessageId() != null;
            return report.kind() != InboundKind.OTHER && named ? Verdict.HANDLED : Verdict.IGNORED;
        }

        List<InboundKind> kinds() {
            return seen.stream().map(InboundReport::kind).toList();
        }
    }

    /** Subjects in a folder, read by a separate IMAP client; null when the folder does not exist. */
    private List<String> subjects(String folderName) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "bounces", PASSWORD);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return null;
            }
            folder.open(Folder.READ_ONLY);
            List<String> out = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                out.add(m.getSubject());
            }
            folder.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    @Test
    void imapDeletesHandledMessagesAndMovesIgnoredOnesAside() throws Exception {
        deliver("postfix-hard.eml", "auto-reply.eml", "arf-complaint.eml", "no-token-dsn.eml",
                "mailto-unsubscribe.eml", "broken-mime.eml");
        RecordingSink sink = new RecordingSink();

        InboundCounts counts = new InboundMailbox(imap()).drain(reader, sink);

        assertEquals(new InboundCounts(3, 3, 0), counts);
        assertEquals(List.of(InboundKind.HARD_BOUNCE, InboundKind.OTHER, InboundKind.COMPLAINT,
                InboundKind.HARD_BOUNCE, InboundKind.UNSUBSCRIBE, InboundKind.OTHER), sink.kinds());
        assertEquals(List.of(), subjects("INBOX"));
        assertEquals(List.of("Automatic reply: Tidings #7: this week's articles", "Undelivered Mail Returned to Sender",
                "Undelivered Mail Returned to Sender"), subjects(InboundMailbox.IGNORED_FOLDER));
    }

    @Test
    void imapKeepsAMessageTheSinkCouldNotActOnForTheNextDrain() throws Exception {
        deliver("postfix-delayed.eml", "postfix-hard.eml");
        RecordingSink failing = new RecordingSink();
        failing.failOnSoftBounce = true;

        InboundCounts first = new InboundMailbox(imap()).drain(reader, failing);

        assertEquals(new InboundCounts(1, 0, 1), first);
        assertEquals(List.of("Delayed Mail (still being retried)"), subjects("INBOX"));
        assertEquals(null, subjects(InboundMailbox.IGNORED_FOLDER), "nothing was ignored, no folder made");

        InboundCounts second = new InboundMailbox(imap()).drain(reader, new RecordingSink());

        assertEquals(new InboundCounts(1, 0, 0), second);
        assertEquals(List.of(), subjects("INBOX"));
    }

    @Test
    void imapDrainOfAnEmptyMailboxCountsNothing() throws Exception {
        assertEquals(InboundCounts.NONE, new InboundMailbox(imap()).drain(reader, new RecordingSink()));
    }

    @Test
    void pop3DeletesHandledAndIgnoredMessagesButKeepsWhatTheSinkCouldNotActOn() throws Exception {
        deliver("gmail-hard.eml", "auto-reply.eml", "postfix-delayed.eml", "microsoft-hard.eml");
        RecordingSink failing = new RecordingSink();
        failing.failOnSoftBounce = true;

        InboundCounts counts = new InboundMailbox(pop3()).drain(reader, failing);

        assertEquals(new InboundCounts(2, 1, 1), counts);
        assertEquals(List.of(InboundKind.HARD_BOUNCE, InboundKind.OTHER, InboundKind.SOFT_BOUNCE,
                InboundKind.HARD_BOUNCE), failing.kinds());
        assertEquals(List.of("Delayed Mail (still being retried)"), subjects("INBOX"));
        assertEquals(null, subjects(InboundMailbox.IGNORED_FOLDER), "POP3 has no folders to move to");
    }

    @Test
    void readsEveryFixtureTheSameOverImapAsFromTheFile() throws Exception {
        String[] fixtures = {"postfix-hard.eml", "postfix-delayed.eml", "exim-hard.eml", "gmail-hard.eml",
            "microsoft-hard.eml", "arf-complaint.eml", "mailto-unsubscribe.eml", "auto-reply.eml",
            "no-token-dsn.eml", "broken-mime.eml"};
        deliver(fixtures);
        RecordingSink sink = new RecordingSink();

        new InboundMailbox(imap()).drain(reader, sink);

        List<InboundReport> fromFiles = new ArrayList<>();
        for (String name : fixtures) {
            try (InputStream in = InboundReaderTest.fixture(name)) {
                fromFiles.add(reader.read(in, null));
            }
        }
        assertEquals(fromFiles, sink.seen);
    }

    @Test
    void wrongPasswordNamesTheServerButNeverThePassword() {
        for (InboundConfig wrong : List.of(config("imap", greenMail.getImap().getPort(), "Wr0ng-guess", "/INBOX"),
                config("pop3", greenMail.getPop3().getPort(), "Wr0ng-guess", ""))) {
            InboundUnavailableException e = assertThrows(InboundUnavailableException.class,
                    () -> new InboundMailbox(wrong).drain(reader, new RecordingSink()));

            assertTrue(e.getMessage().startsWith("Could not log in to inbound mailbox " + wrong.safeUrl() + ": "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("bounces:***@127.0.0.1"), e.getMessage());
            assertFalse(e.getMessage().contains("Wr0ng-guess"), e.getMessage());
        }
    }

    @Test
    void closedPortIsReportedAsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        InboundConfig nobody = config("imap", port, PASSWORD, "/INBOX");

        InboundUnavailableException e = assertThrows(InboundUnavailableException.class,
                () -> InboundMailbox.check(nobody));

        assertEquals("Could not connect to inbound mailbox " + nobody.safeUrl() + ": connection refused", e.getMessage());
    }

    @Test
    void checkOpensTheConfiguredFolderOrSaysItIsMissing() throws Exception {
        InboundMailbox.check(imap());
        InboundMailbox.check(pop3());
        InboundConfig missing = config("imap", greenMail.getImap().getPort(), PASSWORD, "/Bounces");

        InboundUnavailableException e = assertThrows(InboundUnavailableException.class,
                () -> InboundMailbox.check(missing));

        assertEquals("Inbound mailbox " + missing.safeUrl() + " has no folder Bounces", e.getMessage());
    }
}
