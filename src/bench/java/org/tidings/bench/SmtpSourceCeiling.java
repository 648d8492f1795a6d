package org.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The ceiling on this machine: Postfix's {@code smtp-source}, a C client that sends a fixed payload
 * without building anything, over the same number of reused sessions to the same sink.
 */
final class SmtpSourceCeiling {
    static final Path BINARY = Path.of("/usr/sbin/smtp-source");

    private SmtpSourceCeiling() {
    }

    /** The command line it runs, for the figures. */
    static List<String> command(int port, int messages, int sessions, long payloadBytes) {
        // -d: keep each session's connection for the next message, as our sessions do.
        return List.of(BINARY.toString(), "-d", "-s", Integer.toString(sessions), "-m", Integer.toString(messages),
                "-l", Long.toString(payloadBytes), "-f", "news@tidings.example.org", "-t", "reader@example.org",
                "127.0.0.1:" + port);
    }

    /** @return messages per second, or empty when smtp-source is not installed */
    static OptionalDouble run(List<String> command, int messages, Path logFile) throws IOException,
            InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            return OptionalDouble.empty();
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IOException("smtp-source exited with " + exit + ": " + Files.readString(logFile).strip());
        }
        return OptionalDouble.of(messages / seconds);
    }
}
