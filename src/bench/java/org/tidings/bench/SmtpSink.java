package org.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local SMTP server that accepts every message and discards it, so a delivery benchmark measures
 * the sender. Postfix's {@code smtp-sink} when installed (a C event loop, the same server
 * {@code smtp-source} measures the ceiling against), else {@link DiscardSink}.
 */
interface SmtpSink extends AutoCloseable {
    Path POSTFIX_SINK = Path.of("/usr/sbin/smtp-sink");

    int port();

    /** Which sink this is, for the figures. */
    String describe();

    /** Messages accepted so far, or -1 when the sink does not tell. */
    long accepted();

    @Override
    void close();

    static SmtpSink start(Path logFile) throws IOException {
        if (Files.isExecutable(POSTFIX_SINK)) {
            return PostfixSink.start(POSTFIX_SINK, logFile);
        }
        return DiscardSink.start();
    }
}
