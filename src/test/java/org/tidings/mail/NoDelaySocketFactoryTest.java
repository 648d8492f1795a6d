package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.config.MailConfig;
import org.tidings.config.SmtpConfig;

/** Every SMTP connection, plain or TLS, runs on a socket from our factory, with TCP_NODELAY. */
class NoDelaySocketFactoryTest {
    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
    private final RecordingFactory sockets = new RecordingFactory();

    @AfterEach
    void stop() {
        smtp.close();
    }

    private Mailer mailer(String security) {
        MailConfig config = MailFixtures.smtp(new SmtpConfig("127.0.0.1", smtp.port(), security, null, null), 100);
        SmtpConnector connector = new SmtpConnector(config.smtp(), config.from(), sockets);
        return new SmtpMailer(connector, new MimeComposer(connector.session(), config, MailFixtures.CLOCK),
                SendPacer.perSecond(0, SendPacer.SYSTEM), 100);
    }

    @Test
    void sendsOverNoDelaySockets() throws Exception {
        try (MailSession session = mailer("none").open()) {
            assertEquals(new SendOutcome.Sent(),
                    session.send(MailFixtures.message("reader@example.org", "<n1@tidings.example.org>")));
        }

        assertEquals(List.of(true), sockets.noDelay);
        assertEquals(1, smtp.received().size());
    }

    @Test
    void implicitTlsConnectsThroughTheSameFactory() {
        // The scripted server speaks no TLS, so the handshake fails; the socket under it is what counts.
        assertThrows(MailUnavailableException.class, () -> mailer("tls").open());

        assertEquals(List.of(true), sockets.noDelay);
    }

    private static final class RecordingFactory extends NoDelaySocketFactory {
        final List<Boolean> noDelay = new ArrayList<>();

        @Override
        public Socket createSocket() throws SocketException {
            Socket socket = super.createSocket();
            noDelay.add(socket.getTcpNoDelay());
            return socket;
        }
    }
}
