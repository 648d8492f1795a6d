package org.tidings.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on 127.0.0.1 and a free port whose replies a test scripts per recipient, for
 * the failures GreenMail cannot produce: 4xx/5xx to RCPT TO or after DATA, a connection dropped
 * mid-message, a refusing greeting, a failed login. It counts connections and keeps every accepted
 * message, so tests can check connection reuse and rotation.
 *
 * <pre>{@code
 * try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start()) {
 *     smtp.onRcpt("gone@example.org", "550 5.1.1 No such user");
 *     smtp.onRcpt("busy@example.org", "451 4.3.0 Try later", "250 OK");   // deferred once, then accepted
 *     smtp.onData("spam@example.org", "554 5.7.1 Looks like spam");
 *     smtp.onData("flaky@example.org", ScriptedSmtpServer.DROP);          // hang up mid-message
 *     ... point smtp.host=127.0.0.1, smtp.port=smtp.port(), smtp.security=none at it ...
 *     assertEquals(1, smtp.connections());
 * }
 * }</pre>
 *
 * Scripted replies are used one per attempt for that recipient; the last one repeats. Recipients
 * without a script are accepted. No PIPELINING, no TLS.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** As a scripted reply: close the connection instead of answering (during DATA: after the first body line). */
    public static final String DROP = "DROP";

    /**
     * A message the server accepted with 250 after DATA.
     *
     * @param connection 1 for the first connection the server accepted, 2 for the second...
     * @param data the message as sent, dot-unstuffed, lines joined with CRLF
     */
    public record Received(int connection, String mailFrom, List<String> recipients, String data) {
    }

    private final ServerSocket server;
    private final Map<String, Script> rcptScripts = new ConcurrentHashMap<>();
    private final Map<String, Script> dataScripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile String greeting = "220 scripted ESMTP";
    private volatile String authReply;

    private ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start scripted SMTP server", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Replies to {@code RCPT TO:<address>}, one per attempt, e.g. "550 5.1.1 No such user", or {@link #DROP}. */
    public ScriptedSmtpServer onRcpt(String address, String... replies) {
        rcptScripts.put(address.toLowerCase(Locale.ROOT), new Script(replies));
        return this;
    }

    /** Replies to the end of a message (the lone dot) sent to {@code address}, one per attempt, or {@link #DROP}. */
    public ScriptedSmtpServer onData(String address, String... replies) {
        dataScripts.put(address.toLowerCase(Locale.ROOT), new Script(replies));
        return this;
    }

    /** The first line sent to every new connection, e.g. "421 4.3.2 Too busy" to refuse service, or {@link #DROP} to hang up at once. */
    public ScriptedSmtpServer greeting(String line) {
        greeting = line;
        return this;
    }

    /** Advertises AUTH PLAIN and answers every login attempt with {@code reply}, e.g. "535 5.7.8 Bad credentials". */
    public ScriptedSmtpServer onAuth(String reply) {
        authReply = reply;
        return this;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Messages accepted so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing a test server: nothing to do about it.
        }
        clients.forEach(ScriptedSmtpServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                int number = connections.incrementAndGet();
                Thread handler = new Thread(() -> serve(client, number), "scripted-smtp-" + number);
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client, int number) {
        try (client) {
            new Conversation(client, number).run();
        } catch (IOException e) {
            // The client hung up or we dropped it on purpose.
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** Scripted replies for one address, used in order; the last one repeats. */
    private static final class Script {
        private final List<String> replies;
        private int next;

        Script(String... replies) {
            if (replies.length == 0) {
                throw new IllegalArgumentException("at least one reply");
            }
            this.replies = Arrays.asList(replies);
        }

        synchronized String nextReply() {
            return replies.get(Math.min(next++, replies.size() - 1));
        }
    }

    /** One client connection, command by command. */
    private final class Conversation {
        private final Socket socket;
        private final int number;
        private final BufferedReader in;
        private final OutputStream out;
        private String mailFrom;
        private final List<String> recipients = new ArrayList<>();

        Conversation(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.number = number;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        void run() throws IOException {
            if (DROP.equals(greeting)) {
                return;
            }
            reply(greeting);
            if (!greeting.startsWith("2")) {
                return;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                if (!command(verb, line)) {
                    return;
                }
            }
        }

        /** False when the connection should end. */
        private boolean command(String verb, String line) throws IOException {
            switch (verb) {
                case "EHLO" -> reply(authReply == null ? "250-scripted\r\n250 8BITMIME"
                        : "250-scripted\r\n250-8BITMIME\r\n250 AUTH PLAIN");
                case "HELO" -> reply("250 scripted");
                case "AUTH" -> auth(line);
                case "MAIL" -> {
                    mailFrom = address(line);
                    recipients.clear();
                    reply("250 2.1.0 OK");
                }
                case "RCPT" -> {
                    return rcpt(address(line));
                }
                case "DATA" -> {
                    return data();
                }
                case "RSET" -> {
                    mailFrom = null;
                    recipients.clear();
                    reply("250 2.0.0 OK");
                }
                case "NOOP" -> reply("250 2.0.0 OK");
                case "QUIT" -> {
                    reply("221 2.0.0 Bye");
                    return false;
                }
                default -> reply("502 5.5.2 Command not recognized");
            }
            return true;
        }

        private void auth(String line) throws IOException {
            if (line.trim().split(" ").length < 3) {
                reply("334 ");
                in.readLine();
            }
            reply(authReply == null ? "503 5.5.1 AUTH not available" : authReply);
        }

        private boolean rcpt(String address) throws IOException {
            Script script = rcptScripts.get(address);
            String answer = script == null ? "250 2.1.5 OK" : script.nextReply();
            if (answer.equals(DROP)) {
                return false;
            }
            if (answer.startsWith("2")) {
                recipients.add(address);
            }
            reply(answer);
            return true;
        }

        private boolean data() throws IOException {
            if (recipients.isEmpty()) {
                reply("554 5.5.1 No valid recipients");
                return true;
            }
            String answer = "250 2.0.0 Queued";
            for (String recipient : recipients) {
                Script script = dataScripts.get(recipient);
                if (script != null) {
                    answer = script.nextReply();
                    break;
                }
            }
            reply("354 End data with <CR><LF>.<CR><LF>");
            StringBuilder data = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
                if (answer.equals(DROP)) {
                    return false;
                }
                data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
            if (answer.startsWith("2")) {
                received.add(new Received(number, mailFrom, List.copyOf(recipients), data.toString()));
            }
            reply(answer);
            mailFrom = null;
            recipients.clear();
            return true;
        }

        private String address(String line) {
            int open = line.indexOf('<');
            int close = line.indexOf('>', open + 1);
            return open < 0 || close < 0 ? "" : line.substring(open + 1, close).toLowerCase(Locale.ROOT);
        }

        private void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
