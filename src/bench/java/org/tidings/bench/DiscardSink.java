package org.tidings.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fallback sink when Postfix is not installed: a thread per connection, 250 to everything,
 * DATA read to the lone dot and dropped. Not GreenMail, which parses and stores every message.
 */
final class DiscardSink implements SmtpSink {
    private final ServerSocket server;
    private final AtomicLong accepted = new AtomicLong();

    private DiscardSink(ServerSocket server) {
        this.server = server;
    }

    static DiscardSink start() throws IOException {
        DiscardSink sink = new DiscardSink(new ServerSocket(0, 1000, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(sink::acceptAll, "discard-sink");
        acceptor.setDaemon(true);
        acceptor.start();
        return sink;
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public String describe() {
        return "in-process DiscardSink (Postfix smtp-sink not installed) on 127.0.0.1:" + port();
    }

    @Override
    public long accepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Stopping anyway.
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> converse(client), "discard-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = commandLine(in)) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        if (!skipData(in)) {
                            return;
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 2.0.0 discarded");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    default -> reply(out, "250 2.0.0 ok");
                }
            }
        } catch (IOException e) {
            // The client hung up; nothing to report from a sink.
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String commandLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return null;
    }

    /** Reads up to and including the line that is a lone dot; false when the client hung up first. */
    private static boolean skipData(InputStream in) throws IOException {
        int lineLength = 0;
        boolean dotLine = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                if (dotLine) {
                    return true;
                }
                lineLength = 0;
                continue;
            }
            dotLine = lineLength == 0 ? b == '.' : dotLine && lineLength == 1 && b == '\r';
            lineLength++;
        }
        return false;
    }
}
